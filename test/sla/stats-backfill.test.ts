/**
 * Tickets that existed before the stats (or came from another store) get
 * their stats rows at start-up, on SQLite and on MongoDB (the real server
 * named by MONGODB_URI, otherwise the wire-protocol test server); a second
 * start writes nothing, and a copied helpdesk shows the same stats.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { sqliteStoreCopy } from '../../adapters/sqlite/copy.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { backfillTicketMetrics } from '../../bot/wiring/stats.js';
import { copyStore } from '../../bot/store-copy.js';
import { DEFAULT_SLA, ticketMetrics, type Store, type StatsQuery, type Ticket, type TicketStatsStore } from '../../core/index.js';
import { FakeClock, FixedTriage } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { statsOf } from '../../core/testing/memory-stats.js';
import { mongoTarget, type MongoTarget } from '../mongo/target.js';

let target: MongoTarget | null = null;
const closing: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  target = await mongoTarget();
});
afterAll(async () => {
  for (const s of closing) await s.close();
  await target?.close();
});

async function openMongo(label: string): Promise<{ store: MongoStore; stats: TicketStatsStore }> {
  if (!target) throw new Error('target not started');
  const store = await openMongoStore(target.freshUri(label), { serverSelectionTimeoutMs: 5_000 });
  closing.push(store);
  return { store, stats: store.stats };
}

function openSqlite(): { store: ReturnType<typeof openSqliteStore>; stats: TicketStatsStore } {
  const store = openSqliteStore({ dataDir: ':memory:' });
  closing.push(store);
  return { store, stats: store.stats };
}

const QUERY: StatsQuery = { since: '2026-01-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z' };

/** Six tickets worked by a helpdesk that keeps no stats: some resolved, one rated, one reopened, one left open. */
async function seed(store: Store): Promise<Ticket[]> {
  const clock = new FakeClock('2026-02-02T09:00:00.000Z');
  const t = testHelpdesk({ store, clock, triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH' }), settings: { adminIdentities: ['console:root'] } });
  const id = async (handle: string) => {
    const r = await t.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const root = await id('root');
  const ann = await id('ann');
  await id('mo');
  await t.helpdesk.skills(root, { op: 'add', target: 'console:mo', skills: ['vpn'] });
  const mo = await id('mo');
  for (let i = 0; i < 6; i++) {
    const filed = await t.helpdesk.fileTicket({ requesterId: ann.id, title: `VPN drops ${i}`, origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await t.engine.drain();
    const ticketId = filed.value.ticket.id;
    clock.advance((i + 1) * 600_000);
    if (i < 5) await t.helpdesk.resolveTicket({ ticketId, actorId: mo.id, note: 'Fixed' });
    if (i === 1) await t.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'bad', comment: 'Still slow' });
    if (i === 2) await t.helpdesk.reopenTicket({ ticketId, actorId: ann.id });
    await t.engine.drain();
  }
  const tickets: Ticket[] = [];
  for (let ref = 1; ref <= 6; ref++) {
    const ticket = await store.getTicketByRef(ref);
    if (ticket) tickets.push(ticket);
  }
  return tickets;
}

describe.each([
  ['sqlite', async () => openSqlite()],
  ['mongodb', async () => openMongo('backfill')],
] as const)('stats backfill on %s', (_name, open) => {
  it('fills in every ticket filed before the stats, and a second start writes nothing', async () => {
    const { store, stats } = await open();
    const tickets = await seed(store);
    expect(tickets).toHaveLength(6);
    expect((await stats.ticketStats(QUERY)).created).toBe(0);

    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(6);
    const expected = statsOf(tickets.map((t) => ticketMetrics(t, DEFAULT_SLA)), QUERY);
    expect(await stats.ticketStats(QUERY)).toEqual(expected);
    expect(expected).toMatchObject({ created: 6, resolved: 4, reopened: 0, bad: 1, backlogByPriority: { HIGH: 2 } });
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(0);
  });
});

/** Removes metrics rows behind the store's back (one ticket's, or all): what a lost write or a copy without them leaves. */
type Forget = (ticketId: string | null) => Promise<void>;

describe.each([
  [
    'sqlite',
    async () => {
      const { store, stats } = openSqlite();
      const forget: Forget = async (id) => void (id === null ? store.db.prepare('DELETE FROM ticket_metrics').run() : store.db.prepare('DELETE FROM ticket_metrics WHERE ticket_id = ?').run(id));
      return { store: store as Store, stats, forget };
    },
  ],
  [
    'mongodb',
    async () => {
      if (!target) throw new Error('target not started');
      const uri = target.freshUri('backfill-later');
      const store = await openMongoStore(uri, { serverSelectionTimeoutMs: 5_000 });
      closing.push(store);
      const stats = store.stats;
      const client = await mongoose.mongo.MongoClient.connect(uri, { serverSelectionTimeoutMS: 5_000 });
      closing.push(client);
      const rows = client.db().collection<{ _id: string }>('ticket_metrics');
      const forget: Forget = async (id) => void (id === null ? await rows.deleteMany({}) : await rows.deleteOne({ _id: id }));
      return { store: store as Store, stats, forget };
    },
  ],
] as const)('stats backfill on %s, at a later start', (_name, open) => {
  it('reads only the tickets changed since the last walk, and walks everything again when the rows were lost with the position kept', async () => {
    const { store, stats, forget } = await open();
    const tickets = await seed(store);
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(6);
    // The walk does not read the whole table again: an old ticket's row lost behind the position is not looked for.
    const first = tickets[0] as Ticket;
    await forget(first.id);
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(0);
    // A ticket changed later without its row (a tool that keeps no stats): the next start sees it.
    await store.updateTicket({ ...first, title: 'VPN drops (edited)', updatedAt: '2026-03-01T00:00:00.000Z' }, { expectedVersion: first.version });
    await forget(first.id);
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(1);
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(0);
    // Rows gone but the remembered position kept (a database copied with its key-value rows): every ticket again.
    await forget(null);
    expect(await backfillTicketMetrics(store, stats, DEFAULT_SLA, 4)).toBe(6);
    expect(await stats.ticketStats(QUERY)).toMatchObject({ created: 6, resolved: 4 });
  });
});

describe('store:copy and the stats', () => {
  it('a helpdesk copied from SQLite to MongoDB shows the same stats after its first start', async () => {
    const source = openSqlite();
    const tickets = await seed(source.store);
    await backfillTicketMetrics(source.store, source.stats, DEFAULT_SLA);
    const to = await openMongo('copy');
    await copyStore(sqliteStoreCopy(source.store), to.store);
    expect(await backfillTicketMetrics(to.store, to.stats, DEFAULT_SLA)).toBe(tickets.length);
    expect(await to.stats.ticketStats(QUERY)).toEqual(await source.stats.ticketStats(QUERY));
  });
});
