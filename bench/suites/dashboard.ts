/**
 * The web dashboard's queue page on SQLite over 100,000 stored tickets (a
 * third open), server time: the session cookie looked up, the first page in
 * queue order with its count, the people's names, the HTML rendered.
 * - dashboard_queue_p95_ms: an admin's queue page.
 * - dashboard_queue_moderator_p95_ms: a moderator's (theirs plus the unassigned queue).
 * - dashboard_stats_p95_ms: the admin's 90-day stats page (tickets per day counted from the
 *   creation index, the figures from the metrics tables, six charts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteStore, SqliteDashboardSessions, SqliteTicketStats } from '../../adapters/sqlite/index.js';
import { ticketRow } from '../../adapters/sqlite/tickets.js';
import { SESSION_COOKIE, WebDashboard } from '../../adapters/web/index.js';
import { DEFAULT_SETTINGS, Helpdesk, newTicketRecord, Notifier, PRIORITIES, SkillCatalog, silentLogger, type Ticket } from '../../core/index.js';
import { CountingSignal, FixedTriage, MemorySimilarIndex } from '../../core/testing/fakes.js';
import { percentile } from '../support.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 100_000;
const MODERATORS = 200;
const WARMUP = 50;
const SAMPLES = 400;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const suite: BenchSuite = {
  name: 'dashboard',
  async run(): Promise<Metric[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-dashboard-'));
    const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    try {
      const at = new Date(T0).toISOString();
      const admin = await store.ensurePerson({ id: 'admin', identity: 'console:admin', displayName: 'admin', email: null, role: 'admin', createdAt: at });
      for (let i = 0; i < MODERATORS; i++) await store.ensurePerson({ id: `m${i}`, identity: `console:m${i}`, displayName: `m${i}`, email: null, role: 'moderator', createdAt: at });
      for (let i = 0; i < 5000; i++) await store.ensurePerson({ id: `r${i}`, identity: `console:r${i}`, displayName: `r${i}`, email: null, role: 'user', createdAt: at });
      load(store.db);
      let n = 0;
      const helpdesk = new Helpdesk({
        store,
        clock: { now: () => new Date(T0 + TICKETS * 60_000) },
        ids: { newId: () => 'bench' },
        catalog: new SkillCatalog(),
        triage: new FixedTriage(),
        similar: new MemorySimilarIndex(),
        notifier: new Notifier([], silentLogger),
        signal: new CountingSignal(),
        logger: silentLogger,
        settings: DEFAULT_SETTINGS,
        stats: new SqliteTicketStats(store.db),
        dashboard: {
          sessions: new SqliteDashboardSessions(store.db),
          hasher: { sha256Hex: (s) => createHash('sha256').update(s, 'utf8').digest('hex') },
          secrets: { newSecret: () => `bench-secret-${++n}-${'x'.repeat(20)}` },
          baseUrl: 'http://localhost:3000',
        },
      });
      const web = new WebDashboard({ helpdesk, secureCookies: false, logger: silentLogger });
      const cookieFor = async (personId: string) => {
        const link = await helpdesk.dashboardLink({ actorId: personId });
        if (!link.ok) throw new Error(link.error.message);
        const signed = await helpdesk.signInWithLink(new URL(link.value.url).searchParams.get('token') ?? '');
        if (!signed.ok) throw new Error(signed.error.message);
        return signed.value.sessionSecret;
      };
      const queuePage = async (cookie: string) => {
        const res = await web.handle({ method: 'GET', path: '/', query: new URLSearchParams(), cookies: { [SESSION_COOKIE]: cookie }, form: new URLSearchParams() });
        if (res.status !== 200 || (res.body.match(/<tr>/g) ?? []).length !== 21) throw new Error(`the queue page should show a full first page (status ${res.status})`);
      };
      const adminCookie = await cookieFor(admin.id);
      const modCookie = await cookieFor('m0');
      const admins = await measure(() => queuePage(adminCookie));
      const mods = await measure(() => queuePage(modCookie));
      const stats = await measure(async () => {
        const res = await web.handle({ method: 'GET', path: '/stats', query: new URLSearchParams('days=90'), cookies: { [SESSION_COOKIE]: adminCookie }, form: new URLSearchParams() });
        if (res.status !== 200) throw new Error(`the stats page failed (status ${res.status})`);
      }, 100);
      return [
        { metric: 'dashboard_queue_p95_ms', value: percentile(admins, 0.95), unit: 'ms', target: '< 100' },
        { metric: 'dashboard_queue_moderator_p95_ms', value: percentile(mods, 0.95), unit: 'ms', target: '< 100' },
        { metric: 'dashboard_stats_p95_ms', value: percentile(stats, 0.95), unit: 'ms', target: '< 300' },
      ];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

/** 100,000 tickets written straight into the table in one transaction: a third open, priorities and assignees spread. */
function load(db: Database.Database): void {
  const rand = mulberry32(11);
  const insert = db.prepare(`INSERT INTO tickets (ref, id, status, priority, requester_id, assignee_id, created_ms, version, idempotency_key, title_lc, description_lc, doc)
    VALUES (@ref, @id, @status, @priority, @requester_id, @assignee_id, @created_ms, @version, NULL, @title_lc, @description_lc, @doc)`);
  db.transaction(() => {
    for (let i = 1; i <= TICKETS; i++) {
      const base = newTicketRecord(
        { id: `t${i}`, title: `Ticket ${i} about the VPN <and> "quotes"`, description: 'It stopped working this morning.', requesterId: `r${i % 5000}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date(T0 + i * 60_000).toISOString() },
        i,
      );
      const r = rand();
      const status: Ticket['status'] = r < 0.67 ? 'DONE' : r < 0.85 ? 'TODO' : 'IN_PROGRESS';
      const assigneeId = rand() < 0.1 ? null : `m${Math.floor(rand() * MODERATORS)}`;
      insert.run(ticketRow({ ...base, status, priority: PRIORITIES[Math.floor(rand() * 3)] ?? 'MEDIUM', assigneeId }));
    }
  }).immediate();
}

async function measure(fn: () => Promise<void>, samples = SAMPLES): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + samples; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= WARMUP) out.push(performance.now() - t0);
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
