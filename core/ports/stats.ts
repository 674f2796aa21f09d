import type { Iso, Priority, Rating, TicketStatus } from '../domain/ticket.js';

/**
 * What the stats need of one ticket, kept by the store in its own indexed
 * rows (written after every change of the ticket; a row older than the
 * ticket's version is replaced, a newer one is kept). Durations are in
 * business milliseconds, on the ticket's priority's business clock.
 */
export interface TicketMetrics {
  readonly ticketId: string;
  readonly version: number;
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly skills: readonly string[];
  readonly assigneeId: string | null;
  readonly createdAt: Iso;
  /** The latest resolution, while resolved. */
  readonly resolvedAt: Iso | null;
  /** Filing to the first staff reply or start (internal notes do not count). */
  readonly firstResponseMs: number | null;
  /** Filing to the latest resolution, while resolved. */
  readonly resolutionMs: number | null;
  /** Whether any service level was missed (a reminder was due). */
  readonly breached: boolean;
  readonly reopens: number;
  /** The requester's current rating of the latest resolution. */
  readonly rating: Rating | null;
}

/** Which tickets the stats cover: a period, and optionally one skill and one assignee. */
export interface StatsQuery {
  readonly since: Iso;
  readonly until: Iso;
  readonly skill?: string;
  readonly assigneeId?: string;
}

/** Median and 90th percentile of a set of durations (nearest rank), with how many there were. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
}

export interface ModeratorStats {
  readonly assigneeId: string;
  readonly resolved: number;
  readonly resolution: Percentiles;
  readonly breached: number;
  readonly good: number;
  readonly bad: number;
}

/** The figures of one period, as the store computes them. */
export interface StoreStats {
  /** Filed within the period. */
  readonly created: number;
  /** Resolved within the period (their latest resolution). */
  readonly resolved: number;
  /** Open now, by priority and by skill (a ticket with several skills counts under each). */
  readonly backlogByPriority: Readonly<Record<Priority, number>>;
  readonly backlogBySkill: readonly { readonly skill: string; readonly count: number }[];
  /** Of the tickets filed within the period. */
  readonly firstResponse: Percentiles;
  readonly breached: number;
  /** Of the tickets resolved within the period. */
  readonly resolution: Percentiles;
  readonly reopened: number;
  readonly good: number;
  readonly bad: number;
  /** Tickets resolved within the period, per assignee. */
  readonly perModerator: readonly ModeratorStats[];
}

/**
 * How far back a backfill walk reads again before where the last one left
 * off: a ticket changed by a process whose clock runs behind, written
 * without its row by a tool, or whose row write was lost with its process,
 * is still looked at.
 */
export const BACKFILL_OVERLAP_MS = 10 * 60_000;

/**
 * Where a store remembers how far its last backfill walk got (a key-value
 * pair). The value is the store's own cursor; one copied from another kind
 * of store does not parse, and the walk then starts from the beginning.
 */
export const BACKFILL_MARK = { namespace: 'stats', key: 'backfill-checked-until' } as const;

/** One page of the backfill's walk over the tickets, in change order. */
export interface StaleTickets {
  /** Tickets of the page whose row is missing or older than the ticket. */
  readonly stale: readonly string[];
  /** Where the next page starts (pass as `after`); null when the walk is done. */
  readonly next: string | null;
}

/** Keeps ticket metrics and answers stats from them with indexed queries, never by loading every ticket. */
export interface TicketStatsStore {
  recordMetrics(metrics: TicketMetrics): Promise<void>;
  ticketStats(query: StatsQuery): Promise<StoreStats>;
  /**
   * Walks the store's tickets, `limit` at a time, naming those whose row is
   * missing or stale: tickets filed before the stats existed, copied from
   * another store, or changed while a row could not be written. `after` is
   * the previous page's `next` (an opaque cursor; null starts a walk). A
   * store may start a walk where its last one left off, when it can tell
   * nothing before that changed since.
   */
  staleTickets(after: string | null, limit: number): Promise<StaleTickets>;
}

/** The nearest-rank percentile position (0-based) of `q` in `n` sorted values: the same rule for every store. */
export function rankOf(n: number, q: number): number {
  // ceil(n · q) in whole numbers (q in hundredths), so every store and SQL agree exactly.
  const percent = Math.round(q * 100);
  return Math.max(0, Math.floor((n * percent + 99) / 100) - 1);
}

/** The order of `perModerator`: most resolved first, then by assignee id. */
export function moderatorOrder(a: ModeratorStats, b: ModeratorStats): number {
  return b.resolved - a.resolved || a.assigneeId.localeCompare(b.assigneeId);
}

/** The order of `backlogBySkill`: largest backlog first, then by skill. */
export function skillBacklogOrder(a: { readonly skill: string; readonly count: number }, b: { readonly skill: string; readonly count: number }): number {
  return b.count - a.count || a.skill.localeCompare(b.skill);
}
