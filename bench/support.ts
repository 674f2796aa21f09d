import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { InProcessRunner, WorkSignalRelay } from '../adapters/inprocess/index.js';
import { historyRows, TICKET_COLUMNS, ticketRow } from '../adapters/sqlite/tickets.js';
import {
  DEFAULT_SETTINGS,
  Helpdesk,
  newTicketRecord,
  Notifier,
  PRIORITIES,
  silentLogger,
  type HelpdeskDeps,
  type HelpdeskSettings,
  type NotificationChannel,
  type SimilarTicketIndex,
  type Store,
  type Ticket,
} from '../core/index.js';
import { FixedTriage, SequentialIds } from '../core/testing/fakes.js';
import { depsAround } from '../core/testing/harness.js';

/** The value at quantile `p` (0..1) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** Small seeded PRNG (mulberry32), so every run uses the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wall-clock milliseconds of `samples` calls of `fn`, after `warmup` calls that are not counted. */
export async function timeCalls(fn: () => Promise<void>, samples: number, warmup: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= warmup) out.push(performance.now() - t0);
  }
  return out;
}

export interface TicketTableSeed {
  readonly count: number;
  /** The first ticket is filed a minute after this (ms); the others a minute apart. */
  readonly t0: number;
  /** Assignees are `m0` … `m<moderators - 1>`. */
  readonly moderators: number;
  readonly seed: number;
  readonly title: (i: number) => string;
}

/**
 * Tickets `t1` … `t<count>` written straight into the SQLite store's table
 * (the store's own row format) in one transaction: two thirds resolved, the
 * rest to do or in progress, priorities spread, one in ten unassigned,
 * requesters `r0` … `r4999`.
 */
export function seedTicketTable(db: Database.Database, o: TicketTableSeed): void {
  const rand = mulberry32(o.seed);
  const insert = db.prepare(`INSERT INTO tickets (${TICKET_COLUMNS}) VALUES (${TICKET_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`);
  const history = db.prepare('INSERT INTO ticket_history (ticket_ref, seq, doc) VALUES (@ticket_ref, @seq, @doc)');
  db.transaction(() => {
    for (let i = 1; i <= o.count; i++) {
      const base = newTicketRecord(
        { id: `t${i}`, title: o.title(i), description: 'It stopped working this morning.', requesterId: `r${i % 5000}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date(o.t0 + i * 60_000).toISOString() },
        i,
      );
      const r = rand();
      const status: Ticket['status'] = r < 0.67 ? 'DONE' : r < 0.85 ? 'TODO' : 'IN_PROGRESS';
      const assigneeId = rand() < 0.1 ? null : `m${Math.floor(rand() * o.moderators)}`;
      const ticket: Ticket = { ...base, status, priority: PRIORITIES[Math.floor(rand() * 3)] ?? 'MEDIUM', assigneeId };
      insert.run({ ...ticketRow(ticket), idempotency_key: null });
      for (const row of historyRows(ticket)) history.run(row);
    }
  }).immediate();
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
  const helpdesk = new Helpdesk(
    benchDeps(store, {
      triage: new FixedTriage({ skills: ['vpn'], category: 'network' }, 'local'),
      similar,
      notifier: new Notifier([channel], silentLogger),
      signal: relay,
      settings: { ...DEFAULT_SETTINGS, ...settings },
    }),
  );
  const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock: { now: () => new Date() }, logger: silentLogger });
  relay.attach(runner);
  return { helpdesk, runner };
}

/**
 * Use-case dependencies around a real store for the store benches: fixed
 * triage, an in-memory similar index, no channels, ids `bench-<n>`, the
 * default settings; `extra` replaces any of them (a fixed clock, stats).
 */
export function benchDeps(store: Store, extra: Partial<HelpdeskDeps> = {}): HelpdeskDeps {
  return depsAround(store, { ids: new SequentialIds('bench'), ...extra });
}
