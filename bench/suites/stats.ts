/**
 * stats_p95_ms: `/stats 90d` (every figure, per moderator included) over
 * 100,000 tickets in the SQLite store, file-backed, as the bot runs it.
 * Tickets spread over 120 days, 70 % resolved, with 20 moderators and 12
 * skills; the query runs 60 times after a warm-up, and the 95th percentile
 * of its wall-clock time is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, SqliteTicketStats } from '../../adapters/sqlite/index.js';
import { PRIORITIES, type TicketMetrics } from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 100_000;
const RUNS = 60;
const WARMUP = 5;
const DAY = 86_400_000;

function rows(now: number): TicketMetrics[] {
  let seed = 12345;
  const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const skills = ['vpn', 'email', 'printer', 'hr', 'payroll', 'accounts', 'hardware', 'networking', 'laptop', 'mfa', 'wifi', 'phone'];
  const out: TicketMetrics[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const created = now - Math.floor(r() * 120 * DAY);
    const done = r() < 0.7;
    const resolvedAt = done ? Math.min(now, created + Math.floor(r() * 5 * DAY)) : null;
    out.push({
      ticketId: `t-${i}`,
      version: 3,
      status: done ? 'DONE' : r() < 0.5 ? 'TODO' : 'IN_PROGRESS',
      priority: PRIORITIES[Math.floor(r() * 3)] ?? 'MEDIUM',
      skills: [skills[Math.floor(r() * skills.length)] ?? 'vpn'],
      assigneeId: `mod-${Math.floor(r() * 20)}`,
      createdAt: new Date(created).toISOString(),
      resolvedAt: resolvedAt === null ? null : new Date(resolvedAt).toISOString(),
      firstResponseMs: Math.floor(r() * 8 * 3_600_000),
      resolutionMs: resolvedAt === null ? null : Math.floor(r() * 40 * 3_600_000),
      breached: r() < 0.1,
      reopens: r() < 0.05 ? 1 : 0,
      rating: done && r() < 0.4 ? (r() < 0.8 ? 'good' : 'bad') : null,
    });
  }
  return out;
}

const suite: BenchSuite = {
  name: 'stats',
  async run(): Promise<Metric[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-stats-'));
    const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    try {
      const stats = new SqliteTicketStats(store.db);
      const now = Date.now();
      const seed = store.db.transaction((all: TicketMetrics[]) => {
        // recordMetrics runs its statements synchronously; one outer transaction keeps seeding quick.
        for (const m of all) void stats.recordMetrics(m);
      });
      seed(rows(now));
      store.db.exec('ANALYZE');
      const query = { since: new Date(now - 90 * DAY).toISOString(), until: new Date(now + 1).toISOString() };
      const times: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const start = performance.now();
        await stats.ticketStats(query);
        if (i >= WARMUP) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p95 = times[Math.ceil(0.95 * times.length) - 1] ?? NaN;
      return [{ metric: 'stats_p95_ms', value: p95, unit: 'ms', target: '< 300' }];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
