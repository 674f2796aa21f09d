import { describe, expect, it } from 'vitest';
import { reopen, resolve, type Ticket } from '../domain/ticket.js';
import { at, MINUTE, newTicket } from '../ports/store-fixtures.contract.js';
import type { ResolvedTicketDoc } from '../ports/similar.js';
import { MemorySimilarIndex } from '../testing/fakes.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SharedSimilarIndex } from './shared-index.js';

const QUERY = { title: 'printer jams on duplex', description: '' };

async function file(store: MemoryStore, title: string): Promise<Ticket> {
  return (await store.createTicket(newTicket({ title, description: 'paper stuck in tray two' }), [])).ticket;
}

async function resolved(store: MemoryStore, t: Ticket, when: string, note = 'Replaced the duplex roller'): Promise<Ticket> {
  const r = resolve(t, 'mod', note, when);
  if (!r.ok) throw new Error(r.error.message);
  return store.updateTicket(r.value, { expectedVersion: t.version });
}

async function reopened(store: MemoryStore, t: Ticket, when: string): Promise<Ticket> {
  const r = reopen(t, 'requester-1', when);
  if (!r.ok) throw new Error(r.error.message);
  return store.updateTicket(r.value, { expectedVersion: t.version });
}

async function suggested(index: SharedSimilarIndex): Promise<number[]> {
  return (await index.search(QUERY, { limit: 5 })).map((s) => s.ref);
}

describe('SharedSimilarIndex', () => {
  it('shows a ticket resolved in one process in the other after its next sync, and drops it once reopened there', async () => {
    const store = new MemoryStore();
    const a = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store });
    const b = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store });
    await Promise.all([a.sync(), b.sync()]);
    const t = await file(store, 'Printer jams on duplex jobs');

    const done = await resolved(store, t, at(MINUTE));
    await a.add({ ticketId: t.id, ref: t.ref, title: t.title, description: t.description, resolution: 'Replaced the duplex roller' });
    expect(await suggested(a)).toEqual([t.ref]);
    expect(await suggested(b)).toEqual([]);
    await b.sync();
    expect(await suggested(b)).toEqual([t.ref]);

    await reopened(store, done, at(2 * MINUTE));
    await b.remove(t.id);
    expect(await suggested(b)).toEqual([]);
    await a.sync();
    expect(await suggested(a)).toEqual([]);
  });

  it('does not put back a reopened ticket when its resolved follow-up runs late', async () => {
    const store = new MemoryStore();
    const index = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store });
    const t = await file(store, 'Printer jams on duplex jobs');
    const done = await resolved(store, t, at(MINUTE));
    await reopened(store, done, at(2 * MINUTE));
    // The reopened follow-up ran first; the resolved one arrives with the text it was given.
    await index.remove(t.id);
    const stale: ResolvedTicketDoc = { ticketId: t.id, ref: t.ref, title: t.title, description: t.description, resolution: 'Replaced the duplex roller' };
    await index.add(stale);
    expect(await suggested(index)).toEqual([]);
    await index.sync();
    expect(await suggested(index)).toEqual([]);
  });

  it('keeps changes in order when a follow-up and a sync race', async () => {
    const store = new MemoryStore();
    const index = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store });
    const t = await file(store, 'Printer jams on duplex jobs');
    const done = await resolved(store, t, at(MINUTE));
    const adding = index.add({ ticketId: t.id, ref: t.ref, title: t.title, description: t.description, resolution: 'x' });
    const syncing = index.sync();
    await reopened(store, done, at(2 * MINUTE));
    await Promise.all([adding, syncing, index.remove(t.id)]);
    expect(await suggested(index)).toEqual([]);
  });

  it("still sees a change stamped behind its cursor by a process whose clock lags, within the overlap", async () => {
    const store = new MemoryStore();
    const index = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store, overlapMs: 5 * MINUTE });
    const first = await file(store, 'Printer jams on duplex jobs');
    await resolved(store, first, at(10 * MINUTE));
    await index.sync();
    expect(index.cursor).toEqual({ updatedAt: at(10 * MINUTE), id: first.id });
    const late = await file(store, 'Printer jams on duplex every morning');
    await resolved(store, late, at(7 * MINUTE));
    const tooLate = await file(store, 'Printer jams on duplex after the update');
    await resolved(store, tooLate, at(4 * MINUTE));
    await index.sync();
    expect((await suggested(index)).sort()).toEqual([first.ref, late.ref].sort());
  });

  it('loads every resolved ticket in bulk on its first sync when the index can take them at once', async () => {
    const store = new MemoryStore();
    const tickets = [await file(store, 'Printer jams on duplex jobs'), await file(store, 'Printer jams on duplex again'), await file(store, 'VPN drops')];
    await resolved(store, tickets[0] as Ticket, at(MINUTE));
    const r2 = await resolved(store, tickets[1] as Ticket, at(MINUTE));
    await reopened(store, r2, at(2 * MINUTE));
    const inner = new MemorySimilarIndex();
    const bulk: ResolvedTicketDoc[] = [];
    const bulkInner = Object.assign(inner, {
      addAll: async (docs: AsyncIterable<ResolvedTicketDoc>) => {
        for await (const d of docs) bulk.push(d);
        for (const d of bulk) await inner.add(d);
        return bulk.length;
      },
    });
    const index = new SharedSimilarIndex({ inner: bulkInner, tickets: store, pageSize: 1 });
    expect(await index.sync()).toBe(2);
    expect(bulk.map((d) => d.ref)).toEqual([tickets[0]?.ref]);
    expect(index.cursor?.updatedAt).toBe(at(2 * MINUTE));
    expect(await suggested(index)).toEqual([tickets[0]?.ref]);
  });

  it('fills in the title and resolution of hits from an index that keeps no text, and shows a reopened one without its resolution', async () => {
    const store = new MemoryStore();
    const inner = new MemorySimilarIndex();
    const textless = Object.assign(Object.create(inner) as MemorySimilarIndex, {
      search: async (q: typeof QUERY, o: { limit: number }) => (await inner.search(q, o)).map((h) => ({ ...h, title: '', resolution: '' })),
    });
    const index = new SharedSimilarIndex({ inner: textless, tickets: store });
    const t = await file(store, 'Printer jams on duplex jobs');
    const done = await resolved(store, t, at(MINUTE));
    await index.sync();
    expect(await index.search(QUERY, { limit: 3 })).toMatchObject([{ ref: t.ref, title: 'Printer jams on duplex jobs', resolution: 'Replaced the duplex roller' }]);
    // Reopened by another process; this one has not caught up yet.
    await reopened(store, done, at(2 * MINUTE));
    expect(await index.search(QUERY, { limit: 3 })).toMatchObject([{ ref: t.ref, resolution: '' }]);
  });

  it('does not apply again, after a start from a snapshot, the versions the snapshot had applied within the overlap', async () => {
    const store = new MemoryStore();
    await resolved(store, await file(store, 'Printer jams on duplex jobs'), at(MINUTE));
    const before = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: store });
    await before.sync();
    const counted = (applied?: ReturnType<SharedSimilarIndex['recentlyApplied']>) => {
      const inner = new MemorySimilarIndex();
      let adds = 0;
      const add = inner.add.bind(inner);
      inner.add = async (d) => {
        adds += 1;
        await add(d);
      };
      return { index: new SharedSimilarIndex({ inner, tickets: store, cursor: before.cursor, applied }), adds: () => adds };
    };
    const carried = counted(before.recentlyApplied());
    await carried.index.sync();
    expect(carried.adds()).toBe(0);
    const forgotten = counted();
    await forgotten.index.sync();
    expect(forgotten.adds()).toBe(1);
  });
});
