import { randomUUID } from 'node:crypto';
import type { Clock, HelpdeskDeps, Logger, Store, WorkflowDefinition } from '../../core/index.js';
import { InProcessRunner, RunnerAlreadyActive, RunnerHeartbeatKeeper, type WorkSignalRelay } from '../../adapters/inprocess/index.js';
import type { Config } from '../config.js';
import { StartupError } from '../errors.js';
import type { Route } from '../http.js';

/** The one engine that runs background work in this process. */
export interface Engine {
  readonly name: string;
  readonly routes: readonly Route[];
  start(): void;
  stop(): Promise<void>;
  /**
   * Resolves when the work enqueued so far has been handled (run, or handed to Inngest).
   * `dueWithinMs`: also wait for jobs due that soon (short retries), as at the end of a piped run.
   */
  idle(options?: { dueWithinMs?: number }): Promise<void>;
}

/**
 * Inngest when its keys are set or INNGEST_DEV is on, as the configuration
 * decided (the outbox relay forwards events; Inngest calls back at
 * /api/inngest, registered at INNGEST_SERVE_HOST, which the configuration
 * requires outside dev mode), otherwise the in-process runner. Exactly one runs.
 */
export async function buildEngine(
  config: Readonly<Config>,
  parts: { store: Store; deps: HelpdeskDeps; workflows: readonly WorkflowDefinition[]; clock: Clock; logger: Logger; signal: WorkSignalRelay },
): Promise<Engine> {
  const { store, clock, logger, signal } = parts;
  if (!config.inngest.enabled) {
    const runner = new InProcessRunner({ jobs: store, workflows: parts.workflows, clock, logger });
    // One in-process runner per database: a second process on the same MongoDB is refused here.
    const heartbeat = new RunnerHeartbeatKeeper({ jobs: store, owner: runner.owner, clock, logger });
    await heartbeat.acquire().catch((error: unknown) => {
      if (!(error instanceof RunnerAlreadyActive)) throw error;
      throw new StartupError(
        `MONGODB_URI: ${error.message}. The in-process runner is for one bot process; to run several on one database, configure Inngest in every one of them (INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY with INNGEST_SERVE_HOST, or INNGEST_DEV), see docs/inngest.md.`,
      );
    });
    signal.attach(runner);
    return {
      name: 'in-process',
      routes: [],
      start: () => runner.start(),
      stop: async () => {
        await runner.stop();
        await heartbeat.release();
      },
      idle: (options) => runner.idle(options),
    };
  }
  await refuseBesideInProcessRunner(store, clock, logger);
  // The Inngest SDK loads only in Inngest mode.
  const { createInngestClient, createInngestHandler, functions, INNGEST_PATH, OutboxRelay } = await import('../../inngest/index.js');
  const isDev = config.inngest.dev;
  const baseUrl = config.INNGEST_BASE_URL ?? config.inngest.devUrl;
  const inngest = createInngestClient({
    isDev,
    logger,
    ...(config.INNGEST_EVENT_KEY ? { eventKey: config.INNGEST_EVENT_KEY } : {}),
    ...(config.INNGEST_SIGNING_KEY ? { signingKey: config.INNGEST_SIGNING_KEY } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  const relay = new OutboxRelay({ jobs: store, inngest, clock, logger });
  signal.attach(relay);
  const listener = createInngestHandler({
    client: inngest,
    functions: functions(inngest, parts.deps),
    ...(config.INNGEST_SERVE_HOST ? { serveOrigin: config.INNGEST_SERVE_HOST } : {}),
  });
  return {
    name: isDev ? 'inngest (dev server)' : baseUrl ? 'inngest (self-hosted)' : 'inngest (cloud)',
    routes: [{ prefix: INNGEST_PATH, listener }],
    start: () => relay.start(),
    stop: () => relay.stop(),
    idle: () => relay.idle(),
  };
}

const INNGEST_PROBE = 'inngest-start-check:';

/**
 * An Inngest process refuses to start while an in-process runner is alive
 * on the same database: both would take events from one outbox, and the
 * runs would be split between two engines. Checked by taking the runner's
 * heartbeat record for a moment and giving it back at once.
 */
async function refuseBesideInProcessRunner(store: Store, clock: Clock, logger: Logger): Promise<void> {
  if (!store.beatRunnerHeartbeat) return;
  const owner = `${INNGEST_PROBE}${randomUUID()}`;
  const probe = new RunnerHeartbeatKeeper({ jobs: store, owner, clock, logger, ttlMs: 5_000 });
  const holder = await probe.beat();
  // Another Inngest process checking at the same moment is no conflict.
  if (holder?.owner.startsWith(INNGEST_PROBE)) return;
  if (holder) {
    throw new StartupError(
      `MONGODB_URI: another process (${holder.owner}) runs the in-process job runner on this database, and this one is configured for Inngest; the two would split the background work. Stop that process and configure Inngest in every process (see docs/inngest.md).`,
    );
  }
  await store.releaseRunnerHeartbeat?.(owner);
}
