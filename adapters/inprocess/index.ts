/** The in-process job runner: the default engine for the helpdesk's background work. */
export { InProcessRunner, type InProcessRunnerOptions } from './runner.js';
export { WorkSignalRelay } from './relay.js';
export { RunnerHeartbeatKeeper, RunnerAlreadyActive, type RunnerHeartbeatOptions } from './heartbeat.js';
export { JobPruner, type JobPrunerOptions } from './job-pruner.js';
export { defaultBackoff } from './backoff.js';
export { parseDuration } from './duration.js';
