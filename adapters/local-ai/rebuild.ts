import type { ResolvedTicketDoc, Store } from '../../core/index.js';

/**
 * Every resolved ticket in the store, page by page in ref order, as the
 * similar-ticket index holds them; for the start-up rebuild:
 * `await index.addAll(resolvedTicketDocs(store))`.
 */
export async function* resolvedTicketDocs(store: Pick<Store, 'listResolvedTickets'>, pageSize = 1000): AsyncGenerator<ResolvedTicketDoc> {
  let after = 0;
  for (;;) {
    const page = await store.listResolvedTickets(after, pageSize);
    if (page.length === 0) return;
    for (const t of page) {
      after = Math.max(after, t.ref);
      if (t.resolution) yield { ticketId: t.id, ref: t.ref, title: t.title, description: t.description, resolution: t.resolution };
    }
  }
}
