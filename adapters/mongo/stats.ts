/**
 * Ticket metrics in their own collection (`ticket_metrics`, one document
 * per ticket, `_id` the ticket id), with an index for every question /stats
 * asks: tickets filed in a period, resolved in a period, open now, per
 * assignee and per skill. Every figure is an aggregation on the server that
 * returns one document per answer (a count, a group, or the one value at a
 * percentile's rank after $sort/$skip/$limit), so no query brings the
 * period's tickets into the process. The rows are derived data: a missing
 * or stale one is rebuilt from its ticket (see `staleTickets`).
 */
import { Schema, type Connection, type Model, type mongo, type PipelineStage } from 'mongoose';
import { PRIORITIES, rankOf, type ModeratorStats, type Percentiles, type Priority, type StatsQuery, type StoreStats, type TicketMetrics, type TicketStatsStore } from '../../core/index.js';
import { BACKFILL_MARK, BACKFILL_OVERLAP_MS, moderatorOrder, skillBacklogOrder } from '../../core/ports/stats.js';
import { isDuplicateKey } from './errors.js';
import { date } from './mapping.js';
import type { Models } from './models.js';
import { MongoSmallStores } from './small.js';

export interface MetricsDoc {
  _id: string;
  version: number;
  open: boolean;
  priority: string;
  skills: string[];
  assigneeId: string | null;
  createdAt: Date;
  /** Set only while the ticket is resolved. */
  resolvedAt: Date | null;
  firstResponseMs: number | null;
  /** Set only while the ticket is resolved. */
  resolutionMs: number | null;
  breached: boolean;
  reopens: number;
  rating: string | null;
}

const metricsSchema = new Schema<MetricsDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    open: { type: Boolean, required: true },
    priority: { type: String, required: true },
    skills: { type: [String], default: undefined },
    assigneeId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    resolvedAt: { type: Date, default: null },
    firstResponseMs: { type: Number, default: null },
    resolutionMs: { type: Number, default: null },
    breached: { type: Boolean, required: true },
    reopens: { type: Number, required: true },
    rating: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw', strictQuery: true, autoIndex: false, autoCreate: false, collection: 'ticket_metrics' },
);
// Filed in a period (counts, breaches, first responses) and resolved in a period (counts, reopenings, ratings).
metricsSchema.index({ createdAt: 1, firstResponseMs: 1, breached: 1 });
metricsSchema.index({ resolvedAt: 1, resolutionMs: 1, reopens: 1, rating: 1 });
// In value order, so a percentile can walk the index to its rank instead of sorting the period.
metricsSchema.index({ firstResponseMs: 1, createdAt: 1 });
metricsSchema.index({ resolutionMs: 1, resolvedAt: 1 });
// Per moderator, in resolution-time order.
metricsSchema.index({ assigneeId: 1, resolvedAt: 1, resolutionMs: 1 });
// The backlog, by priority and by skill (multikey).
metricsSchema.index({ open: 1, priority: 1 });
metricsSchema.index({ skills: 1, open: 1 });

/** The metrics collection's model on `conn` (see bindModels). */
export function metricsModel(conn: Connection): Model<MetricsDoc> {
  return conn.model<MetricsDoc>('TicketMetrics', metricsSchema);
}

interface Position {
  readonly at: Date | null;
  readonly id: string;
}
const START: Position = { at: null, id: '' };

/** A cursor handed out by `staleTickets` (ISO time, tab, id); anything else starts from the beginning. */
function positionOf(cursor: string): Position {
  const tab = cursor.indexOf('\t');
  const at = tab < 0 ? NaN : Date.parse(cursor.slice(0, tab));
  return Number.isNaN(at) ? START : { at: new Date(at), id: cursor.slice(tab + 1) };
}

function cursorOf(p: { at: Date; id: string }): string {
  return `${p.at.toISOString()}\t${p.id}`;
}

type TicketVersion = { _id: string; version: number; updatedAt: Date };

export class MongoTicketStats implements TicketStatsStore {
  private readonly model: Model<MetricsDoc>;
  /** The store's tickets, read only for their id, version and change time. */
  private readonly tickets: mongo.Collection<TicketVersion>;
  /** Where the backfill remembers its position. */
  private readonly values: MongoSmallStores;

  constructor(models: Models) {
    this.model = models.ticketMetrics;
    this.tickets = models.tickets.db.collection(models.tickets.collection.collectionName);
    this.values = new MongoSmallStores(models);
  }

  async recordMetrics(m: TicketMetrics): Promise<void> {
    const done = m.status === 'DONE';
    const doc: Omit<MetricsDoc, '_id'> = {
      version: m.version,
      open: !done,
      priority: m.priority,
      skills: [...new Set(m.skills)],
      assigneeId: m.assigneeId,
      createdAt: date(m.createdAt),
      resolvedAt: done && m.resolvedAt ? date(m.resolvedAt) : null,
      firstResponseMs: m.firstResponseMs,
      resolutionMs: done ? m.resolutionMs : null,
      breached: m.breached,
      reopens: m.reopens,
      rating: m.rating,
    };
    try {
      // Only an older (or equal) row is replaced; a newer one makes the upsert insert a second _id, which the server refuses.
      await this.model.collection.updateOne({ _id: m.ticketId, version: { $lte: m.version } } as never, { $set: doc }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * One page of tickets in change order (`updatedAt`, `_id`: the index the
   * similar-ticket feed reads), and those whose row is missing or older. A
   * walk starts (`after` null) where the last one left off, less
   * {@link BACKFILL_OVERLAP_MS}: every ticket changed since then is read
   * again, so a restart does not read the whole collection. The position is
   * remembered once a page had nothing to write, or when the caller asks
   * for the page after one (it has written that page's rows).
   */
  async staleTickets(after: string | null, limit: number): Promise<{ stale: string[]; next: string | null }> {
    const from = after === null ? await this.resumeAt() : positionOf(after);
    const later = from.at === null ? {} : { $or: [{ updatedAt: { $gt: from.at } }, { updatedAt: from.at, _id: { $gt: from.id } }] };
    // Tickets still being created (no ref yet) get their row on their first change.
    const page = await this.tickets
      .find({ $and: [later, { ref: { $exists: true } }] }, { projection: { _id: 1, version: 1, updatedAt: 1 } })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    const rows = page.length === 0 ? [] : await this.model.collection.find({ _id: { $in: page.map((t) => t._id) } } as never, { projection: { _id: 1, version: 1 } }).toArray();
    const have = new Map(rows.map((r) => [String(r._id), Number(r['version'])]));
    const stale = page.filter((t) => (have.get(t._id) ?? -1) < t.version).map((t) => t._id);
    const last = page[page.length - 1];
    // Done up to: the page's end when it has nothing to write, else its start (its rows are the caller's to write).
    const done = stale.length === 0 && last ? { at: last.updatedAt, id: last._id } : after !== null && from.at !== null ? { at: from.at, id: from.id } : null;
    if (done) await this.values.setValue(BACKFILL_MARK.namespace, BACKFILL_MARK.key, cursorOf(done));
    return { stale, next: page.length < limit || !last ? null : cursorOf({ at: last.updatedAt, id: last._id }) };
  }

  /**
   * Where a new walk starts: the overlap before the remembered position, if
   * the ticket there still has a current row (a copied database carries the
   * position in its key-value pairs but none of the metrics), else the start.
   */
  private async resumeAt(): Promise<Position> {
    const saved = await this.values.getValue(BACKFILL_MARK.namespace, BACKFILL_MARK.key);
    const mark = saved === null ? START : positionOf(saved);
    if (mark.at === null) return START;
    const ticket = await this.tickets.findOne({ _id: mark.id }, { projection: { version: 1 } });
    const row = ticket ? await this.model.collection.findOne({ _id: mark.id } as never, { projection: { version: 1 } }) : null;
    if (!ticket || !row || Number(row['version']) < ticket.version) return START;
    return { at: new Date(mark.at.getTime() - BACKFILL_OVERLAP_MS), id: '' };
  }

  async ticketStats(q: StatsQuery): Promise<StoreStats> {
    const scope: Record<string, unknown> = {};
    if (q.assigneeId !== undefined) scope['assigneeId'] = q.assigneeId;
    if (q.skill !== undefined) scope['skills'] = q.skill;
    const period = { $gte: date(q.since), $lt: date(q.until) };
    const filedIn = { createdAt: period, ...scope };
    const resolvedIn = { resolvedAt: period, ...scope };
    const count = (field: string, value: unknown = true) => ({ $sum: { $cond: [{ $eq: [`$${field}`, value] }, 1, 0] } });

    const [filed] = await this.aggregate<{ n: number; breached: number; responded: number }>([
      { $match: filedIn },
      { $group: { _id: null, n: { $sum: 1 }, breached: count('breached'), responded: { $sum: { $cond: [{ $eq: [{ $type: '$firstResponseMs' }, 'null'] }, 0, 1] } } } },
    ]);
    const [done] = await this.aggregate<{ n: number; reopened: number; good: number; bad: number }>([
      { $match: resolvedIn },
      { $group: { _id: null, n: { $sum: 1 }, reopened: { $sum: { $cond: [{ $gt: ['$reopens', 0] }, 1, 0] } }, good: count('rating', 'good'), bad: count('rating', 'bad') } },
    ]);

    const backlogByPriority = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;
    for (const g of await this.aggregate<{ _id: Priority; n: number }>([{ $match: { open: true, ...scope } }, { $group: { _id: '$priority', n: { $sum: 1 } } }])) backlogByPriority[g._id] = g.n;
    const bySkill = await this.aggregate<{ _id: string; count: number }>([{ $match: { open: true, ...scope } }, { $unwind: '$skills' }, { $group: { _id: '$skills', count: { $sum: 1 } } }]);

    const responded = filed?.responded ?? 0;
    const resolved = done?.n ?? 0;
    return {
      created: filed?.n ?? 0,
      resolved,
      backlogByPriority,
      // Sorted here rather than by the server: one entry per skill, and the same tie order as every store.
      backlogBySkill: bySkill.map((g) => ({ skill: g._id, count: g.count })).sort(skillBacklogOrder),
      firstResponse: await this.percentiles('firstResponseMs', { ...filedIn, firstResponseMs: { $ne: null } }, responded),
      breached: filed?.breached ?? 0,
      resolution: await this.percentiles('resolutionMs', { ...resolvedIn, resolutionMs: { $ne: null } }, resolved),
      reopened: done?.reopened ?? 0,
      good: done?.good ?? 0,
      bad: done?.bad ?? 0,
      perModerator: await this.moderators(resolvedIn),
    };
  }

  private aggregate<T extends Record<string, unknown>>(pipeline: PipelineStage[]): Promise<T[]> {
    return this.model.collection.aggregate<T>(pipeline as never[]).toArray();
  }

  /** The values at the median's and the 90th percentile's nearest rank: one document each. */
  private async percentiles(field: 'firstResponseMs' | 'resolutionMs', match: Record<string, unknown>, n: number): Promise<Percentiles> {
    if (n === 0) return { count: 0, p50: null, p90: null };
    const at = async (q: number) => {
      const [row] = await this.aggregate<{ v: number }>([{ $match: match }, { $sort: { [field]: 1 } }, { $skip: rankOf(n, q) }, { $limit: 1 }, { $project: { _id: 0, v: `$${field}` } }]);
      return row?.v ?? null;
    };
    return { count: n, p50: await at(0.5), p90: await at(0.9) };
  }

  private async moderators(resolvedIn: Record<string, unknown>): Promise<ModeratorStats[]> {
    const groups = await this.aggregate<{ _id: string; resolved: number; breached: number; good: number; bad: number }>([
      // A scope's own assignee already excludes the unassigned.
      { $match: { assigneeId: { $ne: null }, ...resolvedIn } },
      {
        $group: {
          _id: '$assigneeId',
          resolved: { $sum: 1 },
          breached: { $sum: { $cond: [{ $eq: ['$breached', true] }, 1, 0] } },
          good: { $sum: { $cond: [{ $eq: ['$rating', 'good'] }, 1, 0] } },
          bad: { $sum: { $cond: [{ $eq: ['$rating', 'bad'] }, 1, 0] } },
        },
      },
    ]);
    const out: ModeratorStats[] = [];
    for (const g of groups) {
      const resolution = await this.percentiles('resolutionMs', { ...resolvedIn, assigneeId: g._id, resolutionMs: { $ne: null } }, g.resolved);
      out.push({ assigneeId: g._id, resolved: g.resolved, resolution, breached: g.breached, good: g.good, bad: g.bad });
    }
    return out.sort(moderatorOrder);
  }
}
