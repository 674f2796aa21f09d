/**
 * Store contract, part two: listing and counting tickets with TicketQuery.
 * Six tickets cover every filter; each filter is checked alone and with
 * others. Text search must be literal and case-insensitive, including
 * characters that mean something to SQL LIKE or regular expressions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../domain/ticket.js';
import { at, HOUR, newTicket, refs, save } from './store-fixtures.contract.js';
import type { Store, TicketQuery } from './store.js';

interface Row {
  title: string;
  description: string;
  requesterId: string;
  patch: Partial<Ticket>;
}

/** Refs 1..6, filed an hour apart. */
const ROWS: Row[] = [
  { title: 'VPN drops every hour', description: 'Office VPN disconnects', requesterId: 'r1', patch: { priority: 'HIGH', skills: ['vpn', 'networking'], assigneeId: 'm1' } },
  { title: 'Printer jammed', description: 'Third floor printer', requesterId: 'r1', patch: { status: 'IN_PROGRESS', priority: 'LOW', skills: ['printers'], assigneeId: 'm2' } },
  { title: 'Password reset', description: 'Cannot log in to email', requesterId: 'r2', patch: { status: 'DONE', skills: ['accounts', 'email'], assigneeId: 'm1' } },
  { title: 'Laptop screen flickers', description: 'Hardware issue, model xzy-2, 1000 units', requesterId: 'r2', patch: { skills: ['hardware'] } },
  { title: 'Special 100% off x_y', description: 'O\'Brien said "hi" from C:\\temp', requesterId: 'r3', patch: { priority: 'LOW' } },
  { title: 'Écran noir', description: 'Le poste affiche un écran noir', requesterId: 'r3', patch: { priority: 'HIGH', skills: ['hardware'], assigneeId: 'm2' } },
];

export function queryContract(store: () => Store): void {
  describe('listTickets and countTickets', () => {
    beforeEach(async () => {
      for (const [i, row] of ROWS.entries()) {
        const input = newTicket({ title: row.title, description: row.description, requesterId: row.requesterId, createdAt: at((i + 1) * HOUR) });
        const { ticket } = await store().createTicket(input, []);
        await save(store(), ticket, row.patch);
      }
    });

    /** Refs matching `q`, in the order listed, checked against countTickets too. */
    async function list(q: TicketQuery): Promise<number[]> {
      const found = refs(await store().listTickets(q));
      if (q.limit === undefined && q.offset === undefined) expect(await store().countTickets(q)).toBe(found.length);
      return found;
    }

    it('lists everything newest first without filters', async () => {
      expect(await list({})).toEqual([6, 5, 4, 3, 2, 1]);
      const [first] = await store().listTickets({ limit: 1 });
      expect(first).toEqual(await store().getTicketByRef(6));
    });

    it('filters by status', async () => {
      expect(await list({ statuses: ['TODO'] })).toEqual([6, 5, 4, 1]);
      expect(await list({ statuses: ['IN_PROGRESS', 'DONE'] })).toEqual([3, 2]);
    });

    it('filters by priority', async () => {
      expect(await list({ priorities: ['HIGH'] })).toEqual([6, 1]);
      expect(await list({ priorities: ['LOW', 'MEDIUM'] })).toEqual([5, 4, 3, 2]);
    });

    it('filters by any of several skills', async () => {
      expect(await list({ skills: ['hardware'] })).toEqual([6, 4]);
      expect(await list({ skills: ['vpn', 'email'] })).toEqual([3, 1]);
      expect(await list({ skills: ['networking', 'vpn'] })).toEqual([1]);
      expect(await list({ skills: ['sql'] })).toEqual([]);
    });

    it('treats an empty list as matching nothing', async () => {
      expect(await list({ statuses: [] })).toEqual([]);
      expect(await list({ priorities: [] })).toEqual([]);
      expect(await list({ skills: [] })).toEqual([]);
    });

    it('filters by requester', async () => {
      expect(await list({ requesterId: 'r1' })).toEqual([2, 1]);
      expect(await list({ requesterId: 'nobody' })).toEqual([]);
    });

    it('filters by assignee, and by null for the unassigned', async () => {
      expect(await list({ assigneeId: 'm1' })).toEqual([3, 1]);
      expect(await list({ assigneeId: null })).toEqual([5, 4]);
    });

    it('filters a moderator view: assigned to them or unassigned', async () => {
      expect(await list({ assignedToOrUnassigned: 'm2' })).toEqual([6, 5, 4, 2]);
      expect(await list({ assignedToOrUnassigned: 'm9' })).toEqual([5, 4]);
    });

    it('filters by creation time, inclusive', async () => {
      expect(await list({ createdAfter: at(4 * HOUR) })).toEqual([6, 5, 4]);
      expect(await list({ createdAfter: at(4 * HOUR + 1) })).toEqual([6, 5]);
      expect(await list({ createdAfter: at(7 * HOUR) })).toEqual([]);
    });

    it('searches title and description case-insensitively', async () => {
      expect(await list({ text: 'vpn' })).toEqual([1]);
      expect(await list({ text: 'PRINTER' })).toEqual([2]);
      expect(await list({ text: 'third FLOOR' })).toEqual([2]);
      expect(await list({ text: 'écran' })).toEqual([6]);
      expect(await list({ text: 'ÉCRAN NOIR' })).toEqual([6]);
      expect(await list({ text: 'no such words' })).toEqual([]);
    });

    it('searches literally: % _ quotes and backslashes are plain characters', async () => {
      expect(await list({ text: '100%' })).toEqual([5]);
      expect(await list({ text: '%' })).toEqual([5]);
      expect(await list({ text: 'x_y' })).toEqual([5]);
      expect(await list({ text: '_' })).toEqual([5]);
      expect(await list({ text: "o'brien" })).toEqual([5]);
      expect(await list({ text: '"hi"' })).toEqual([5]);
      expect(await list({ text: 'c:\\temp' })).toEqual([5]);
      expect(await list({ text: '\\' })).toEqual([5]);
      expect(await list({ text: '.*' })).toEqual([]);
      expect(await list({ text: '[a-z]' })).toEqual([]);
    });

    it('combines filters', async () => {
      expect(await list({ statuses: ['TODO'], priorities: ['HIGH'], assignedToOrUnassigned: 'm1' })).toEqual([1]);
      expect(await list({ requesterId: 'r2', skills: ['hardware'] })).toEqual([4]);
      expect(await list({ statuses: ['TODO', 'IN_PROGRESS'], assigneeId: 'm2', text: 'noir' })).toEqual([6]);
      expect(await list({ text: 'écran', statuses: ['DONE'] })).toEqual([]);
      expect(await list({ createdAfter: at(2 * HOUR), assigneeId: null, priorities: ['LOW'] })).toEqual([5]);
      expect(await list({ requesterId: 'r1', assignedToOrUnassigned: 'm2', skills: ['printers', 'vpn'] })).toEqual([2]);
    });

    it('orders, limits and pages', async () => {
      expect(await list({ order: 'oldest' })).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await list({ order: 'newest' })).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await list({ limit: 2 })).toEqual([6, 5]);
      expect(await list({ limit: 2, offset: 2 })).toEqual([4, 3]);
      expect(await list({ order: 'oldest', offset: 4 })).toEqual([5, 6]);
      expect(await list({ offset: 10 })).toEqual([]);
      expect(await list({ statuses: ['TODO'], order: 'oldest', limit: 2, offset: 1 })).toEqual([4, 5]);
    });

    it('orders the queue by priority, then age, then ref', async () => {
      expect(await list({ order: 'queue' })).toEqual([1, 6, 3, 4, 2, 5]);
      expect(await list({ order: 'queue', statuses: ['TODO', 'IN_PROGRESS'] })).toEqual([1, 6, 4, 2, 5]);
      expect(await list({ order: 'queue', statuses: ['IN_PROGRESS', 'TODO', 'TODO'] })).toEqual([1, 6, 4, 2, 5]);
      expect(await list({ order: 'queue', statuses: ['TODO', 'IN_PROGRESS'], limit: 2, offset: 2 })).toEqual([4, 2]);
      expect(await list({ order: 'queue', statuses: ['TODO', 'IN_PROGRESS'], assignedToOrUnassigned: 'm2' })).toEqual([6, 4, 2, 5]);
      expect(await list({ order: 'queue', statuses: ['DONE', 'TODO'], priorities: ['MEDIUM', 'LOW'] })).toEqual([3, 4, 5]);
      // Same priority and the same filing time: the ref decides.
      for (const id of ['same-a', 'same-b']) {
        const { ticket } = await store().createTicket(newTicket({ id, createdAt: at(0) }), []);
        await save(store(), ticket, { priority: 'HIGH' });
      }
      expect(await list({ order: 'queue', priorities: ['HIGH'] })).toEqual([7, 8, 1, 6]);
      expect(await store().countTickets({ order: 'queue', statuses: ['TODO', 'IN_PROGRESS'], limit: 1 })).toBe(7);
    });

    it('filters by an upper bound on creation time, inclusive', async () => {
      expect(await list({ createdBefore: at(2 * HOUR) })).toEqual([2, 1]);
      expect(await list({ createdBefore: at(2 * HOUR - 1) })).toEqual([1]);
      expect(await list({ createdBefore: at(2 * HOUR), createdAfter: at(2 * HOUR), order: 'queue' })).toEqual([2]);
      expect(await list({ createdBefore: at(0) })).toEqual([]);
    });

    it('counts without limit or offset', async () => {
      expect(await store().countTickets({ statuses: ['TODO'], limit: 1, offset: 1 })).toBe(4);
      expect(await store().countTickets({ requesterId: 'r3', createdAfter: at(6 * HOUR) })).toBe(1);
      expect(await store().countTickets({ text: '%' })).toBe(1);
    });
  });
}
