import { Worker } from 'node:worker_threads';

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
