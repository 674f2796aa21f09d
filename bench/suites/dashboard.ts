/**
 * The web dashboard's queue page on SQLite over 100,000 stored tickets (a
 * third open), server time: the session cookie looked up, the first page in
 * queue order with its count, the people's names, the HTML rendered.
 * - dashboard_queue_p95_ms: an admin's queue page.
 * - dashboard_queue_moderator_p95_ms: a moderator's (theirs plus the unassigned queue).
 * - dashboard_stats_p95_ms: the admin's 90-day stats page (tickets per day counted from the
 *   creation index, the figures from the metrics tables, six charts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, SqliteDashboardSessions, SqliteTicketStats } from '../../adapters/sqlite/index.js';
import { SESSION_COOKIE, WebDashboard } from '../../adapters/web/index.js';
import { Helpdesk, silentLogger } from '../../core/index.js';
import { nodeHasher } from '../../bot/wiring/hasher.js';
import { benchDeps, percentile, seedTicketTable, timeCalls } from '../support.js';
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
      seedTicketTable(store.db, { count: TICKETS, t0: T0, moderators: MODERATORS, seed: 11, title: (i) => `Ticket ${i} about the VPN <and> "quotes"` });
      let n = 0;
      const helpdesk = new Helpdesk(
        benchDeps(store, {
        clock: { now: () => new Date(T0 + TICKETS * 60_000) },
        stats: new SqliteTicketStats(store.db),
        dashboard: {
          sessions: new SqliteDashboardSessions(store.db),
          hasher: nodeHasher,
          secrets: { newSecret: () => `bench-secret-${++n}-${'x'.repeat(20)}` },
          baseUrl: 'http://localhost:3000',
        },
        }),
      );
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
      const admins = await timeCalls(() => queuePage(adminCookie), SAMPLES, WARMUP);
      const mods = await timeCalls(() => queuePage(modCookie), SAMPLES, WARMUP);
      const stats = await timeCalls(async () => {
        const res = await web.handle({ method: 'GET', path: '/stats', query: new URLSearchParams('days=90'), cookies: { [SESSION_COOKIE]: adminCookie }, form: new URLSearchParams() });
        if (res.status !== 200) throw new Error(`the stats page failed (status ${res.status})`);
      }, 100, WARMUP);
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
