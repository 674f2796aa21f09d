/**
 * The in-process runner set-up the SLA and lifecycle tests share: a
 * helpdesk on a shared store and clock whose use cases wake whichever
 * runner is attached, and runners that are stopped after each test.
 */
import { afterEach } from 'vitest';
import { silentLogger, type HelpdeskSettings } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { InProcessRunner, WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { fixture, type Fixture } from '../inngest/support.js';

export { waitFor } from '../../adapters/inprocess/test-support.js';

/**
 * Call at the top of a test file: `setup` builds the helpdesk with
 * `settings` (its clock at `at` unless given one), `startRunner` starts a
 * runner that is stopped after the test.
 */
export function inProcessRunners(options: { settings?: Partial<HelpdeskSettings>; at?: string } = {}) {
  const { settings, at } = options;
  const runners: InProcessRunner[] = [];
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });
  return {
    setup(store = new MemoryStore(), clock = new FakeClock(at)) {
      const signal = new WorkSignalRelay();
      const f = fixture({ store, clock, signal, ...(settings ? { settings } : {}) });
      return { f, signal, store, clock };
    },
    startRunner(f: Fixture, signal: WorkSignalRelay, owner: string): InProcessRunner {
      const runner = new InProcessRunner({ jobs: f.store, workflows: f.helpdesk.workflows(), clock: f.clock, logger: silentLogger, owner, pollMs: 20, backoff: () => 1_000 });
      runners.push(runner);
      signal.attach(runner);
      runner.start();
      return runner;
    },
  };
}
