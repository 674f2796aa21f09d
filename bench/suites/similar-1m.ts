/**
 * The similar-ticket index at a million resolved tickets, in the whole bot
 * built as `npm start` builds it, on SQLite:
 * - similar_build_1m_s: the very first start, building the index from the
 *   store and writing its snapshot (what happens once);
 * - start_1m_s / rss_1m_mb: a later start, reading the snapshot and catching
 *   up with the store (what every restart costs), and its resident memory;
 * - similar_p95_ms: search latency over those 1,000,000 tickets;
 * - cross_process_visible_s: a ticket resolved through another connection
 *   (process A) until the bot process (B) suggests it; worst of three.
 *
 * Ticket text comes from the same generator as the similar suite.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { openSqliteStore, SqliteTicketStats } from '../../adapters/sqlite/index.js';
import { backfillTicketMetrics } from '../../bot/wiring/stats.js';
import { historyRows, TICKET_COLUMNS, ticketRow } from '../../adapters/sqlite/tickets.js';
import { newTicketRecord, resolve, type Ticket } from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';
import { corpus, rng, ticketText, type Corpus } from './similar.js';

/** BENCH_SIMILAR_TICKETS shrinks the run for a quick check of the suite itself; the figures are for 1,000,000. */
const TICKETS = Number(process.env.BENCH_SIMILAR_TICKETS ?? 1_000_000);
const QUERIES = 1_000;
const WARMUP = 50;
const VISIBILITY_ROUNDS = 3;
const root = join(import.meta.dirname, '..', '..');
const AT = '2025-01-01T00:00:00.000Z';

/** Writes the tickets straight into the store's tables (its own row formats, history rows included), in large transactions. */
async function seed(dataDir: string, c: Corpus, count: number): Promise<void> {
  await openSqliteStore({ dataDir }).close();
  const db = new Database(join(dataDir, 'helpdesk.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO tickets (${TICKET_COLUMNS}) VALUES (${TICKET_COLUMNS.split(', ').map((col) => `@${col}`).join(', ')})`);
  const history = db.prepare('INSERT INTO ticket_history (ticket_ref, seq, doc) VALUES (@ticket_ref, @seq, @doc)');
  const r = rng(42);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const text = ticketText(c, r);
      // Resolved over time (one every 10 s), as a helpdesk's history is.
      const when = new Date(Date.parse(AT) + i * 10_000).toISOString();
      const open = newTicketRecord({ id: `t-${i + 1}`, title: text.title, description: text.description, requesterId: 'p-1', origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: when }, i + 1);
      const done = resolve(open, 'p-1', text.resolution, when);
      if (!done.ok) throw new Error(done.error.message);
      insert.run({ ...ticketRow(done.value), idempotency_key: null });
      for (const row of historyRows(done.value)) history.run(row);
    }
  });
  for (let i = 0; i < count; i += 50_000) batch(i, Math.min(count, i + 50_000));
  db.close();
  // The stats rows the bot would otherwise write one by one at its first start (not what this suite measures).
  const store = openSqliteStore({ dataDir, synchronous: 'NORMAL' });
  store.db.pragma('synchronous = OFF');
  await backfillTicketMetrics(store, new SqliteTicketStats(store.db), undefined);
  await store.close();
}

interface ChildLine {
  readonly kind: 'started' | 'latency' | 'visible';
  readonly [key: string]: unknown;
}

/** The bot in a child process; `next()` waits for its next JSON line. */
function startBot(script: string, dataDir: string, queriesFile: string) {
  const child = spawn(process.execPath, ['--expose-gc', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, QUERIES_FILE: queriesFile, HELPDESK_ADMINS: 'console:root' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    async next(kind: ChildLine['kind']): Promise<ChildLine> {
      for (;;) {
        const { value, done } = await lines.next();
        if (done) throw new Error(`the bot exited before reporting ${kind}`);
        const parsed = JSON.parse(String(value)) as ChildLine;
        if (parsed.kind === kind) return parsed;
      }
    },
    send: (line: string) => child.stdin.write(`${line}\n`),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

const suite: BenchSuite = {
  name: 'similar-1m',
  async run(): Promise<Metric[]> {
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const outdir = mkdtempSync(join(cache, 'helpdesk-similar-build-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-similar-1m-'));
    try {
      // @ts-expect-error -- plain JavaScript build script without type declarations
      const { buildBundle } = (await import('../../scripts/build.mjs')) as { buildBundle: (entry: string, out: string) => Promise<void> };
      await buildBundle(join(root, 'bench', 'fixtures', 'similar-child.ts'), outdir);
      const script = join(outdir, 'similar-child.js');
      const c = corpus();
      await seed(dataDir, c, TICKETS);
      const r = rng(7);
      const queriesFile = join(dataDir, 'queries.json');
      writeFileSync(queriesFile, JSON.stringify(Array.from({ length: QUERIES + WARMUP }, () => ticketText(c, r)).map((q) => ({ title: q.title, description: q.description }))));

      const cold = startBot(script, dataDir, queriesFile);
      const first = await cold.next('started');
      await cold.stop();

      const warm = startBot(script, dataDir, queriesFile);
      const started = await warm.next('started');
      if (started.similar !== TICKETS) throw new Error(`expected ${TICKETS} indexed tickets, got ${String(started.similar)}`);
      const latency = await warm.next('latency');
      const a = openSqliteStore({ dataDir, exclusive: false });
      let worst = 0;
      for (let i = 0; i < VISIBILITY_ROUNDS; i++) {
        const title = `Badge reader ${i} at the loading dock beeps twice zqx${i}`;
        const filed = await a.createTicket({ id: `cross-${i}`, title, description: 'The door stays shut', requesterId: 'p-1', origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date().toISOString() }, []);
        const done = resolve(filed.ticket, 'p-1', 'Re-enrolled the badge', new Date().toISOString());
        if (!done.ok) throw new Error(done.error.message);
        await a.updateTicket(done.value as Ticket, { expectedVersion: filed.ticket.version });
        warm.send(`${filed.ticket.id}\t${title}`);
        const seen = await warm.next('visible');
        worst = Math.max(worst, Number(seen.ms));
      }
      await a.close();
      await warm.stop();
      return [
        { metric: 'similar_build_1m_s', value: Number(first.startMs) / 1000, unit: 's' },
        { metric: 'start_1m_s', value: Number(started.startMs) / 1000, unit: 's', target: '< 10' },
        { metric: 'rss_1m_mb', value: Number(started.rss) / 1048576, unit: 'MB', target: '< 600' },
        { metric: 'similar_p95_ms', value: Number(latency.p95), unit: 'ms', target: '< 20 (1,000,000 tickets)' },
        { metric: 'similar_p50_1m_ms', value: Number(latency.p50), unit: 'ms' },
        { metric: 'cross_process_visible_s', value: worst / 1000, unit: 's', target: '< 5' },
      ];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
