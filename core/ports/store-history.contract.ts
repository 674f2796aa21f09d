/**
 * Ticket history in the stores: appended by each save, read back whole
 * (one ticket, or a page of them), never shortened, and carried by
 * store:copy. A ticket whose messages add up to more than a MongoDB
 * document may hold (16 MiB) still starts, resolves and lists, and the
 * record a save rewrites stays small. Each test gets a fresh store from
 * `open`; fixed timestamps, no sleeps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VersionConflict } from '../domain/errors.js';
import * as T from '../domain/ticket.js';
import type { Ticket } from '../domain/ticket.js';
import { at, HOUR, MINUTE, newTicket } from './store-fixtures.contract.js';
import type { Store, StoreCopy } from './store.js';

export interface HistoryStore {
  readonly store: Store;
  /** The store's bulk copy, when it has one (the round trip test runs on two fresh stores). */
  readonly copy?: StoreCopy;
  /**
   * Bytes of the ticket's own stored record (the row or document a save
   * rewrites, history not included), when the store can tell.
   */
  readonly storedTicketBytes?: (ticketId: string) => Promise<number>;
  /** Extra clean-up after `store.close()`. */
  readonly close?: () => Promise<void>;
}

/** Many messages of this size pass 16 MiB in all (5,000 × 4,000 characters ≈ 20 MB). */
const BIG_MESSAGES = 5_000;
const BIG_TEXT = 4_000;
/** Saves in steps like this many messages (one save's new entries travel together). */
const BIG_STEP = 250;

export function historyContract(name: string, open: () => Promise<HistoryStore>): void {
  describe(`Store history contract: ${name}`, () => {
    const opened: HistoryStore[] = [];
    let first: HistoryStore | null = null;
    const fresh = async (): Promise<HistoryStore> => {
      const o = await open();
      opened.push(o);
      return o;
    };
    beforeEach(async () => {
      first = await fresh();
    });
    afterEach(async () => {
      for (const o of opened.splice(0)) {
        await o.store.close();
        await o.close?.();
      }
      first = null;
    });
    const current = (): HistoryStore => {
      if (!first) throw new Error('store not open');
      return first;
    };
    const store = (): Store => current().store;

    async function file(over: Parameters<typeof newTicket>[0] = {}): Promise<Ticket> {
      return (await store().createTicket(newTicket(over), [])).ticket;
    }

    /** Saves `messages` more messages on `t` in one save. */
    async function talk(t: Ticket, messages: number, from = 0, text = (i: number) => `message ${i}`): Promise<Ticket> {
      let next = t;
      for (let i = 0; i < messages; i++) next = T.addMessage(next, i % 2 === 0 ? next.requesterId : 'staff-1', text(from + i), at(MINUTE * (from + i + 1)));
      return store().updateTicket(next, { expectedVersion: t.version });
    }

    it('appends over many saves and reads the whole history back by id, ref, idempotency key and list', async () => {
      let t = await file({ idempotencyKey: 'history:key' });
      let messages = 0;
      for (let i = 0; i < 40; i++) {
        t = await talk(t, 1 + (i % 3), i * 3);
        messages += 1 + (i % 3);
        expect(await store().getTicket(t.id)).toEqual(t);
      }
      const started = T.start(t, 'staff-1', at(HOUR * 3));
      if (!started.ok) throw new Error(started.error.message);
      t = await store().updateTicket(started.value, { expectedVersion: t.version });
      expect(t.history).toHaveLength(1 + messages + 1);
      expect(t.history[0]).toEqual({ type: 'filed', at: at(), actorId: t.requesterId });
      expect(t.history.at(-1)).toEqual({ type: 'started', at: at(HOUR * 3), actorId: 'staff-1' });
      expect(await store().getTicket(t.id)).toEqual(t);
      expect(await store().getTicketByRef(t.ref)).toEqual(t);
      expect(await store().findTicketByIdempotencyKey('history:key')).toEqual(t);
      expect(await store().listTickets({})).toEqual([t]);
    });

    it('keeps a field change without new entries, and entries saved after it', async () => {
      const t = await file();
      const renamed = await store().updateTicket({ ...t, notes: 'checked the VPN logs' }, { expectedVersion: t.version });
      expect(renamed.history).toHaveLength(1);
      const talked = await talk(renamed, 2);
      expect(await store().getTicket(t.id)).toEqual(talked);
    });

    it('appends nothing from a save that loses a version race', async () => {
      const t = await file();
      const winner = await talk(t, 1);
      const late = T.addMessage(T.addMessage(t, t.requesterId, 'lost one', at(MINUTE)), t.requesterId, 'lost two', at(2 * MINUTE));
      await expect(store().updateTicket(late, { expectedVersion: t.version })).rejects.toBeInstanceOf(VersionConflict);
      const stored = await store().getTicket(t.id);
      expect(stored).toEqual(winner);
      expect(stored?.history.map((h) => (h.type === 'message' ? h.text : h.type))).toEqual(['filed', 'message 0']);
      // The winner's next save appends after its own entries, not after the loser's.
      const after = await talk(winner, 1, 1);
      expect((await store().getTicket(t.id))?.history).toEqual(after.history);
    });

    it('refuses a save whose history is shorter than the stored one, and writes nothing', async () => {
      const t = await talk(await file(), 3);
      const shortened = { ...t, history: t.history.slice(0, 2), notes: 'would be lost' };
      await expect(store().updateTicket(shortened, { expectedVersion: t.version })).rejects.toThrow(/append-only/);
      expect(await store().getTicket(t.id)).toEqual(t);
      // The ticket is still saved normally afterwards.
      const next = await talk(t, 1, 3);
      expect(await store().getTicket(t.id)).toEqual(next);
    });

    it('lists full histories for a page of tickets, in every order and in the resolved feeds', async () => {
      const tickets: Ticket[] = [];
      for (let i = 0; i < 6; i++) {
        let t = await file({ createdAt: at(i * MINUTE), priority: i % 2 === 0 ? 'HIGH' : 'LOW' });
        if (i > 0) t = await talk(t, i * 4, 0, (n) => `ticket ${i} message ${n}`);
        if (i % 3 === 0) {
          const done = T.resolve(t, 'staff-1', `fixed ${i}`, at(HOUR + i * MINUTE));
          if (!done.ok) throw new Error(done.error.message);
          t = await store().updateTicket(done.value, { expectedVersion: t.version });
        }
        tickets.push(t);
      }
      const byId = (list: readonly Ticket[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      for (const order of ['newest', 'oldest', 'queue', 'updated'] as const) {
        expect(byId(await store().listTickets({ order }))).toEqual(byId(tickets));
      }
      expect(await store().listTickets({ order: 'oldest', limit: 2, offset: 2 })).toEqual(tickets.slice(2, 4));
      const resolved = tickets.filter((t) => t.status === 'DONE');
      expect(await store().listResolvedTickets(0, 10)).toEqual(resolved);
      expect(byId(await store().listResolvedChanges(null, 10))).toEqual(byId(resolved));
    });

    it('copies tickets with their whole history to another store of the same kind', async () => {
      const source = current();
      if (!source.copy) return;
      const a = await talk(await file({ idempotencyKey: 'copy:a' }), 7);
      const b = await talk(await talk(await file(), 2), 3, 2);
      const target = await fresh();
      if (!target.copy) throw new Error('the target store has no copy');
      const records = [];
      for await (const r of source.copy.exportRecords()) records.push(r);
      for (const r of records) await target.copy.importRecord(r);
      expect(await target.store.getTicket(a.id)).toEqual(a);
      expect(await target.store.getTicket(b.id)).toEqual(b);
      // A second run changes nothing; a ticket that moved on is brought up to date.
      for (const r of records) expect(await target.copy.importRecord(r)).toBe('unchanged');
      const later = await talk(a, 2, 7);
      for await (const r of source.copy.exportRecords()) await target.copy.importRecord(r);
      expect(await target.store.getTicket(a.id)).toEqual(later);
      // The copy saves on normally: its next save appends after the copied entries.
      const more = await target.store.updateTicket(T.addMessage(later, later.requesterId, 'after the move', at(HOUR * 5)), { expectedVersion: later.version });
      expect(await target.store.getTicket(a.id)).toEqual(more);
    });

    it('starts, resolves and lists a ticket whose messages pass 16 MiB, with a small stored record', async () => {
      let t = await file();
      const text = (i: number) => `${String(i).padStart(5, '0')} ${'x'.repeat(BIG_TEXT - 6)}`;
      for (let i = 0; i < BIG_MESSAGES; i += BIG_STEP) t = await talk(t, BIG_STEP, i, text);
      expect(t.history).toHaveLength(BIG_MESSAGES + 1);
      const started = T.start(t, 'staff-1', at(HOUR * 200));
      if (!started.ok) throw new Error(started.error.message);
      t = await store().updateTicket(started.value, { expectedVersion: t.version });
      const resolved = T.resolve(t, 'staff-1', 'fixed at last', at(HOUR * 201));
      if (!resolved.ok) throw new Error(resolved.error.message);
      t = await store().updateTicket(resolved.value, { expectedVersion: t.version });
      const read = await store().getTicket(t.id);
      expect(read?.status).toBe('DONE');
      expect(read?.history).toHaveLength(BIG_MESSAGES + 3);
      expect(read?.history[BIG_MESSAGES]).toEqual({ type: 'message', at: at(MINUTE * BIG_MESSAGES), actorId: 'staff-1', text: text(BIG_MESSAGES - 1) });
      const listed = await store().listTickets({ statuses: ['DONE'] });
      expect(listed.map((x) => x.id)).toEqual([t.id]);
      expect(listed[0]?.history).toHaveLength(BIG_MESSAGES + 3);
      const bytes = await current().storedTicketBytes?.(t.id);
      if (bytes !== undefined) expect(bytes).toBeLessThan(64 * 1024);
    }, 120_000);
  });
}
