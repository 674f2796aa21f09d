import { PRIORITIES, type Priority } from '../domain/ticket.js';
import { moderatorOrder, rankOf, skillBacklogOrder, type ModeratorStats, type Percentiles, type StatsQuery, type StoreStats, type TicketMetrics, type TicketStatsStore } from '../ports/stats.js';

/** Nearest-rank percentiles of durations. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return { count: n, p50: n ? (sorted[rankOf(n, 0.5)] ?? null) : null, p90: n ? (sorted[rankOf(n, 0.9)] ?? null) : null };
}

/** The stats of a set of metric rows: the reference every store is compared with. */
export function statsOf(rows: Iterable<TicketMetrics>, q: StatsQuery): StoreStats {
  const since = Date.parse(q.since);
  const until = Date.parse(q.until);
  const inPeriod = (iso: string | null) => iso !== null && Date.parse(iso) >= since && Date.parse(iso) < until;
  const selected = [...rows].filter((r) => (q.skill === undefined || r.skills.includes(q.skill)) && (q.assigneeId === undefined || r.assigneeId === q.assigneeId));
  const created = selected.filter((r) => inPeriod(r.createdAt));
  const resolved = selected.filter((r) => r.status === 'DONE' && inPeriod(r.resolvedAt));
  const open = selected.filter((r) => r.status !== 'DONE');
  const backlogByPriority = Object.fromEntries(PRIORITIES.map((p) => [p, open.filter((r) => r.priority === p).length])) as Record<Priority, number>;
  const bySkill = new Map<string, number>();
  for (const r of open) for (const s of new Set(r.skills)) bySkill.set(s, (bySkill.get(s) ?? 0) + 1);
  const moderators = new Map<string, TicketMetrics[]>();
  for (const r of resolved) if (r.assigneeId !== null) moderators.set(r.assigneeId, [...(moderators.get(r.assigneeId) ?? []), r]);
  const perModerator: ModeratorStats[] = [...moderators]
    .map(([assigneeId, list]) => ({
      assigneeId,
      resolved: list.length,
      resolution: percentiles(list.map((r) => r.resolutionMs ?? 0)),
      breached: list.filter((r) => r.breached).length,
      good: list.filter((r) => r.rating === 'good').length,
      bad: list.filter((r) => r.rating === 'bad').length,
    }))
    .sort(moderatorOrder);
  return {
    created: created.length,
    resolved: resolved.length,
    backlogByPriority,
    backlogBySkill: [...bySkill].map(([skill, count]) => ({ skill, count })).sort(skillBacklogOrder),
    firstResponse: percentiles(created.flatMap((r) => (r.firstResponseMs === null ? [] : [r.firstResponseMs]))),
    breached: created.filter((r) => r.breached).length,
    resolution: percentiles(resolved.map((r) => r.resolutionMs ?? 0)),
    reopened: resolved.filter((r) => r.reopens > 0).length,
    good: resolved.filter((r) => r.rating === 'good').length,
    bad: resolved.filter((r) => r.rating === 'bad').length,
    perModerator,
  };
}

/** Ticket metrics in memory, for tests and the memory store. */
export class MemoryTicketStats implements TicketStatsStore {
  private readonly rows = new Map<string, TicketMetrics>();
  /** `tickets`: the store's tickets (id and version), for `staleTickets`; none by default. */
  constructor(private readonly tickets: () => Iterable<{ readonly id: string; readonly version: number }> = () => []) {}
  async recordMetrics(metrics: TicketMetrics): Promise<void> {
    const current = this.rows.get(metrics.ticketId);
    if (!current || current.version <= metrics.version) this.rows.set(metrics.ticketId, metrics);
  }
  async ticketStats(query: StatsQuery): Promise<StoreStats> {
    return statsOf(this.rows.values(), query);
  }
  async staleTickets(afterId: string | null, limit: number): Promise<{ stale: string[]; next: string | null }> {
    const page = [...this.tickets()].filter((t) => afterId === null || t.id > afterId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    const stale = page.filter((t) => (this.rows.get(t.id)?.version ?? -1) < t.version).map((t) => t.id);
    return { stale, next: page.length < limit ? null : (page[page.length - 1]?.id ?? null) };
  }
}
