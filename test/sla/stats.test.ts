import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { formatStats } from '../../adapters/console/lifecycle-commands.js';
import { DEFAULT_SLA, Helpdesk, parseBusinessHours, PRIORITIES, ticketMetrics, type BusinessCalendar, type StatsQuery, type TicketMetrics, type TicketStatsStore } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryTicketStats, statsOf } from '../../core/testing/memory-stats.js';
import { fixture, person } from '../inngest/support.js';
import { mongoTarget, type MongoTarget } from '../mongo/target.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');

/** A small deterministic generator (mulberry32), so the seeded store is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededRows(n: number, seed = 7): TicketMetrics[] {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const rows: TicketMetrics[] = [];
  for (let i = 0; i < n; i++) {
    const created = NOW - Math.floor(r() * 120 * DAY);
    const done = r() < 0.7;
    const resolvedAt = done ? Math.min(NOW, created + Math.floor(r() * 10 * DAY)) : null;
    const responded = done || r() < 0.5;
    rows.push({
      ticketId: `t-${i}`,
      version: 1 + Math.floor(r() * 5),
      status: done ? 'DONE' : pick(['TODO', 'IN_PROGRESS'] as const),
      priority: pick(PRIORITIES),
      skills: [...new Set([pick(['vpn', 'email', 'printer', 'hr']), ...(r() < 0.3 ? [pick(['vpn', 'email', 'printer', 'hr'])] : [])])],
      assigneeId: r() < 0.1 ? null : pick(['mo', 'max', 'kim']),
      createdAt: new Date(created).toISOString(),
      resolvedAt: resolvedAt === null ? null : new Date(resolvedAt).toISOString(),
      // Ties on purpose: many equal durations make the percentile rank matter.
      firstResponseMs: responded ? Math.floor(r() * 40) * 600_000 : null,
      resolutionMs: resolvedAt === null ? null : Math.floor(r() * 100) * 3_600_000,
      breached: r() < 0.2,
      reopens: r() < 0.15 ? 1 + Math.floor(r() * 2) : 0,
      rating: done ? pick(['good', 'good', 'bad', null] as const) : null,
    });
  }
  return rows;
}

const queries: StatsQuery[] = [
  { since: new Date(NOW - 7 * DAY).toISOString(), until: new Date(NOW + 1).toISOString() },
  { since: new Date(NOW - 30 * DAY).toISOString(), until: new Date(NOW + 1).toISOString() },
  { since: new Date(NOW - 90 * DAY).toISOString(), until: new Date(NOW + 1).toISOString() },
  { since: new Date(NOW - 90 * DAY).toISOString(), until: new Date(NOW + 1).toISOString(), skill: 'vpn' },
  { since: new Date(NOW - 30 * DAY).toISOString(), until: new Date(NOW + 1).toISOString(), assigneeId: 'mo' },
  { since: new Date(NOW - 90 * DAY).toISOString(), until: new Date(NOW + 1).toISOString(), assigneeId: 'kim', skill: 'email' },
  { since: new Date(NOW - 1 * DAY).toISOString(), until: new Date(NOW - DAY / 2).toISOString(), skill: 'nothing-has-this' },
];

let target: MongoTarget | null = null;
const opened: MongoStore[] = [];
beforeAll(async () => {
  target = await mongoTarget();
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await target?.close();
});

/** MongoDB: on the real server named by MONGODB_URI when set, otherwise on the wire-protocol test server. */
async function mongoStats(): Promise<TicketStatsStore> {
  if (!target) throw new Error('target not started');
  const store = await openMongoStore(target.freshUri('stats'), { serverSelectionTimeoutMs: 5_000 });
  opened.push(store);
  return store.stats;
}

const stores: [string, () => TicketStatsStore | Promise<TicketStatsStore>][] = [
  ['memory', () => new MemoryTicketStats()],
  ['sqlite', () => openSqliteStore({ dataDir: ':memory:' }).stats],
  ['mongodb', mongoStats],
];

describe.each(stores)('ticket stats on the %s store', (_name, make) => {
  it('agree with a brute-force computation over a seeded store, for every period and filter', async () => {
    const store = await make();
    const rows = seededRows(1_500);
    for (const row of rows) await store.recordMetrics(row);
    for (const q of queries) expect(await store.ticketStats(q), JSON.stringify(q)).toEqual(statsOf(rows, q));
  });

  it('keep the newest version of a ticket’s row, whatever order the writes arrive in', async () => {
    const store = await make();
    const [row] = seededRows(1);
    if (!row) throw new Error('no row');
    await store.recordMetrics({ ...row, version: 5, status: 'DONE', resolvedAt: row.createdAt, resolutionMs: 60_000, rating: 'good' });
    await store.recordMetrics({ ...row, version: 4, status: 'TODO', resolvedAt: null, resolutionMs: null, rating: null });
    const stats = await store.ticketStats(queries[2] as StatsQuery);
    expect(stats.good + stats.bad).toBe(stats.resolved);
    expect(stats.backlogByPriority.HIGH + stats.backlogByPriority.MEDIUM + stats.backlogByPriority.LOW).toBe(0);
  });
});

describe('/stats', () => {
  const week = parseBusinessHours('Mon-Fri 09:00-17:30');
  if (!week.ok) throw new Error(week.message);
  const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', week: week.value, holidays: [] };

  it('shows a ticket’s first response and resolution in business hours, its rating, and refuses bad input', async () => {
    // Friday 17:00 Berlin.
    const f = fixture({ clock: new FakeClock('2026-01-09T16:00:00.000Z'), settings: { sla: { ...DEFAULT_SLA, calendar: berlin } } });
    const stats = new MemoryTicketStats();
    const helpdesk = new Helpdesk({ ...f.deps, stats });
    const ann = await person(f.store, 'ann');
    const mo = await person(f.store, 'mo', 'moderator', ['vpn']);
    const root = await person(f.store, 'root', 'admin');
    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    const ticketId = filed.value.ticket.id;
    await helpdesk.assignTicket(ticketId);
    // Monday 09:30 Berlin: 30 minutes on Friday + 30 on Monday = 1 business hour.
    f.clock.set('2026-01-12T08:30:00.000Z');
    await helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Looking into it' });
    f.clock.set('2026-01-12T10:00:00.000Z');
    await helpdesk.resolveTicket({ ticketId, actorId: mo.id, note: 'Fixed' });
    await helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'good' });

    const shown = await helpdesk.stats(root, { period: '7d' });
    if (!shown.ok) throw new Error(shown.error.message);
    expect(shown.value).toMatchObject({ created: 1, resolved: 1, good: 1, bad: 0, firstResponse: { count: 1, p50: 3_600_000 }, resolution: { p50: 2.5 * 3_600_000 } });
    expect(shown.value).toMatchObject(statsOf([ticketMetrics((await f.store.getTicket(ticketId))!, f.deps.settings.sla)], { since: shown.value.since, until: shown.value.until }));
    const text = formatStats(shown.value, new Map([[mo.id, 'mo']]));
    expect(text).toMatch(/First response: median 1 h, p90 1 h \(1 tickets\)/);
    expect(text).toMatch(/satisfaction: 100% 👍/);
    expect(text).toMatch(/mo: 1 · 2 h 30 min · 0 · 1\/0/);

    const zero = await helpdesk.stats(root, { period: '0d' });
    expect(!zero.ok && zero.error.message).toMatch(/"0d" is not a period/);
    const user = await helpdesk.stats(ann, {});
    expect(!user.ok && user.error.code).toBe('AUTH.ADMIN_ONLY');
    const other = await helpdesk.stats(mo, { moderatorId: root.id });
    expect(!other.ok && other.error.message).toMatch(/Moderators see their own stats/);
    const own = await helpdesk.stats(mo, {});
    expect(own.ok && own.value.moderatorId).toBe(mo.id);
  });
});
