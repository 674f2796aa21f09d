import { ticketMetrics, type Logger, type SlaSettings, type Store, type TicketStatsStore } from '../../core/index.js';
import { SqliteStore } from '../../adapters/sqlite/index.js';

/** Tickets looked at per page of the start-up backfill. */
const BACKFILL_PAGE = 500;

const opened = new WeakMap<Store, TicketStatsStore>();

/** Where /stats reads from: the metrics kept in the store's database (SQLite tables, a MongoDB collection). */
export function statsFor(store: Store): TicketStatsStore | undefined {
  return opened.get(store) ?? (store instanceof SqliteStore ? store.stats : undefined);
}

/**
 * Readies the stats of a freshly opened store: remembers them for
 * `statsFor` and writes the rows that are missing or stale, so tickets filed
 * before the stats existed, copied in by `store:copy`, or changed while a
 * row could not be written are counted. Idempotent: a second start finds
 * nothing to do (SQLite reads only the tickets changed since its last walk).
 * Walks the tickets a page at a time; only stale ones are loaded.
 */
export async function prepareStats(store: Store, stats: TicketStatsStore, sla: SlaSettings | undefined, logger: Logger): Promise<number> {
  opened.set(store, stats);
  const written = await backfillTicketMetrics(store, stats, sla);
  if (written > 0) logger.info({ tickets: written }, 'ticket stats filled in for tickets that had none (or an outdated one)');
  return written;
}

/** Writes the stats row of every ticket whose row is missing or older than the ticket; returns how many. */
export async function backfillTicketMetrics(store: Pick<Store, 'getTicket'>, stats: TicketStatsStore, sla: SlaSettings | undefined, pageSize = BACKFILL_PAGE): Promise<number> {
  let written = 0;
  let after: string | null = null;
  do {
    const page = await stats.staleTickets(after, pageSize);
    for (const id of page.stale) {
      const ticket = await store.getTicket(id);
      if (!ticket) continue;
      await stats.recordMetrics(ticketMetrics(ticket, sla));
      written += 1;
    }
    after = page.next;
  } while (after !== null);
  return written;
}
