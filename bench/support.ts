import { Worker } from 'node:worker_threads';
import { InProcessRunner, WorkSignalRelay } from '../adapters/inprocess/index.js';
import {
  DEFAULT_SETTINGS,
  Helpdesk,
  Notifier,
  SkillCatalog,
  silentLogger,
  type HelpdeskSettings,
  type NotificationChannel,
  type SimilarTicketIndex,
  type Store,
} from '../core/index.js';
import { FixedTriage } from '../core/testing/fakes.js';

/** The value at quantile `p` (0..1) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * Starts the suite file `self` again as a worker thread (through tsx, as the
 * bench runs under it), with `workerData[flag] = true` so the file knows to
 * play the worker side. `ask` posts a message and resolves with the
 * worker's answer to it, or rejects if the worker dies.
 */
export function startWorker(self: string, flag: string) {
  const api = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`, { eval: true, workerData: { [flag]: true } });
  let seq = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  worker.on('message', (m: { id: number; value: unknown }) => waiting.get(m.id)?.(m.value));
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  return {
    worker,
    ask(message: Record<string, unknown>): Promise<unknown> {
      const id = ++seq;
      const answer = new Promise<unknown>((resolve) => waiting.set(id, resolve));
      worker.postMessage({ id, ...message });
      return Promise.race([answer, failed]);
    },
  };
}

/**
 * The helpdesk a chat bench drives: `store`, one notification `channel`,
 * fixed triage (the bench measures the chat path, not the AI), and the
 * in-process runner wired to it (not started).
 */
export function chatBenchHelpdesk(store: Store, channel: NotificationChannel, similar: SimilarTicketIndex, settings: Partial<HelpdeskSettings> = {}) {
  const relay = new WorkSignalRelay();
  let n = 0;
  const helpdesk = new Helpdesk({
    store,
    clock: { now: () => new Date() },
    ids: { newId: () => `bench-${++n}` },
    catalog: new SkillCatalog(),
    triage: new FixedTriage({ skills: ['vpn'], category: 'network' }, 'local'),
    similar,
    notifier: new Notifier([channel], silentLogger),
    signal: relay,
    logger: silentLogger,
    settings: { ...DEFAULT_SETTINGS, ...settings },
  });
  const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock: { now: () => new Date() }, logger: silentLogger });
  relay.attach(runner);
  return { helpdesk, runner };
}
