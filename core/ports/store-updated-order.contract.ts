/**
 * Store contract: the `updated` order of listTickets (the dashboard's
 * "recently updated" sort): most recently changed first, ties by the higher
 * ref, with filters and paging.
 */
import { describe, expect, it } from 'vitest';
import { at, MINUTE, newTicket, save } from './store-fixtures.contract.js';
import type { Store } from './store.js';

export function updatedOrderContract(store: () => Store): void {
  describe("listTickets order 'updated'", () => {
    it('lists the most recently changed first, then the higher ref, filtered and paged', async () => {
      const created = [];
      for (let i = 0; i < 4; i++) created.push((await store().createTicket(newTicket({ createdAt: at(i * MINUTE) }), [])).ticket);
      const [a, b, c, d] = created as [typeof created[0], typeof created[0], typeof created[0], typeof created[0]];
      await save(store(), b, { updatedAt: at(30 * MINUTE) });
      await save(store(), d, { updatedAt: at(20 * MINUTE), status: 'DONE' });
      await save(store(), c, { updatedAt: at(20 * MINUTE) });
      const refs = async (q: Parameters<Store['listTickets']>[0]) => (await store().listTickets({ order: 'updated', ...q })).map((t) => t.ref);
      expect(await refs({})).toEqual([b.ref, d.ref, c.ref, a.ref]);
      expect(await refs({ statuses: ['TODO', 'IN_PROGRESS'] })).toEqual([b.ref, c.ref, a.ref]);
      expect(await refs({ limit: 2, offset: 1 })).toEqual([d.ref, c.ref]);
    });
  });
}
