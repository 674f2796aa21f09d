import type Database from 'better-sqlite3';
import { PRIORITIES, rankOf, type ModeratorStats, type Percentiles, type Priority, type StatsQuery, type StoreStats, type TicketMetrics, type TicketStatsStore } from '../../core/index.js';
import { BACKFILL_MARK, BACKFILL_OVERLAP_MS, moderatorOrder } from '../../core/ports/stats.js';
import { ms } from './sql.js';

interface Position {
  readonly at: string;
  readonly ref: number;
}
const START: Position = { at: '', ref: 0 };

/** A cursor handed out by `staleTickets` (`updated_at`, tab, ref); anything else starts from the beginning. */
function positionOf(cursor: string): Position {
  const tab = cursor.lastIndexOf('\t');
  const ref = Number(cursor.slice(tab + 1));
  return tab < 0 || !Number.isInteger(ref) ? START : { at: cursor.slice(0, tab), ref };
}

function cursorOf(p: Position): string {
  return `${p.at}\t${p.ref}`;
}

function shiftIso(iso: string, by: number): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + by).toISOString();
}

/**
 * Ticket metrics in their own tables of the helpdesk database (migration 6),
 * with an index for every question /stats asks: tickets filed in a period,
 * resolved in a period, open now, per assignee and per skill. Percentiles
 * are read with ORDER BY … LIMIT 1 OFFSET rank over the period's rows, so no
 * query brings more than one row per answer back into the process. The rows
 * are derived data: a missing or stale one is rebuilt from its ticket (see
 * `staleTickets`).
 */
export class SqliteTicketStats implements TicketStatsStore {
  private readonly upsert: Database.Statement;
  private readonly clearSkills: Database.Statement;
  private readonly addSkill: Database.Statement;
  private readonly record: (m: TicketMetrics) => void;
  private readonly page: Database.Statement;
  private readonly getMark: Database.Statement;
  private readonly setMark: Database.Statement;
  private readonly current: Database.Statement;

  /**
   * `write` runs a metrics write in a transaction and resolves once it is committed: the store passes its
   * group commit, so a row costs no disk flush of its own; alone (benches, tools), a plain transaction.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly write: (work: () => void) => Promise<void> = async (work) => work(),
  ) {
    this.upsert = db.prepare(`INSERT INTO ticket_metrics (ticket_id, version, open, priority, assignee_id, created_ms, resolved_ms, first_response_ms, resolution_ms, breached, reopens, rating)
      VALUES (@ticket_id, @version, @open, @priority, @assignee_id, @created_ms, @resolved_ms, @first_response_ms, @resolution_ms, @breached, @reopens, @rating)
      ON CONFLICT (ticket_id) DO UPDATE SET version = excluded.version, open = excluded.open, priority = excluded.priority, assignee_id = excluded.assignee_id,
        created_ms = excluded.created_ms, resolved_ms = excluded.resolved_ms, first_response_ms = excluded.first_response_ms, resolution_ms = excluded.resolution_ms,
        breached = excluded.breached, reopens = excluded.reopens, rating = excluded.rating
      WHERE excluded.version >= ticket_metrics.version`);
    this.clearSkills = db.prepare('DELETE FROM ticket_metric_skills WHERE ticket_id = ?');
    this.addSkill = db.prepare('INSERT OR IGNORE INTO ticket_metric_skills (skill, ticket_id, open) VALUES (?, ?, ?)');
    this.page = db.prepare(
      `SELECT t.id AS id, t.ref AS ref, t.updated_at AS at, (m.ticket_id IS NULL OR m.version < t.version) AS stale
       FROM tickets t INDEXED BY ix_tickets_updated LEFT JOIN ticket_metrics m ON m.ticket_id = t.id
       WHERE (t.updated_at, t.ref) > (@at, @ref) ORDER BY t.updated_at, t.ref LIMIT @limit`,
    );
    this.current = db.prepare('SELECT 1 FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.ref = ? AND m.version >= t.version').pluck();
    this.getMark = db.prepare('SELECT value FROM kv WHERE namespace = ? AND key = ?').pluck();
    this.setMark = db.prepare('INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value');
    this.record = db.transaction((m: TicketMetrics) => {
      const changed = this.upsert.run({
        ticket_id: m.ticketId,
        version: m.version,
        open: m.status === 'DONE' ? 0 : 1,
        priority: m.priority,
        assignee_id: m.assigneeId,
        created_ms: ms(m.createdAt),
        resolved_ms: m.status === 'DONE' && m.resolvedAt ? ms(m.resolvedAt) : null,
        first_response_ms: m.firstResponseMs,
        resolution_ms: m.status === 'DONE' ? m.resolutionMs : null,
        breached: m.breached ? 1 : 0,
        reopens: m.reopens,
        rating: m.rating,
      }).changes;
      if (changed === 0) return;
      this.clearSkills.run(m.ticketId);
      for (const s of new Set(m.skills)) this.addSkill.run(s, m.ticketId, m.status === 'DONE' ? 0 : 1);
    });
  }

  recordMetrics(metrics: TicketMetrics): Promise<void> {
    return this.write(() => this.record(metrics));
  }

  /**
   * One page of tickets in change order (`updated_at`, ref; the
   * ix_tickets_updated index), and those whose row is missing or older. A
   * walk starts (`after` null) where the last one left off, less
   * {@link BACKFILL_OVERLAP_MS}: every change since writes its row in the
   * same transaction, so only tickets changed since (or the last page, whose
   * rows the caller may not have written) are read again, not the whole
   * table at every start. The cursor passed back means the caller has
   * written the rows of every page before it, so it is remembered then.
   */
  async staleTickets(after: string | null, limit: number): Promise<{ stale: string[]; next: string | null }> {
    const from = after === null ? this.resumeAt() : positionOf(after);
    const page = this.page.all({ at: from.at, ref: from.ref, limit }) as { id: string; ref: number; at: string; stale: number }[];
    const stale = page.filter((r) => r.stale === 1).map((r) => r.id);
    const last = page[page.length - 1];
    // Done up to: the page's end when it has nothing to write, else its start (its rows are the caller's to write).
    const done = stale.length === 0 && last ? { at: last.at, ref: last.ref } : after === null ? null : from;
    if (done !== null && done.ref > 0) await this.write(() => this.setMark.run(BACKFILL_MARK.namespace, BACKFILL_MARK.key, cursorOf(done)));
    return { stale, next: page.length < limit || !last ? null : cursorOf(last) };
  }

  /**
   * Where a new walk starts: the overlap before the remembered position, if
   * the ticket there still has a current row (a copied database carries the
   * position in its key-value rows but none of the metrics), else the start.
   */
  private resumeAt(): Position {
    const saved = this.getMark.get(BACKFILL_MARK.namespace, BACKFILL_MARK.key) as string | undefined;
    const mark = saved === undefined ? START : positionOf(saved);
    if (mark.ref === 0 || this.current.get(mark.ref) === undefined) return START;
    return { at: shiftIso(mark.at, -BACKFILL_OVERLAP_MS), ref: 0 };
  }

  async ticketStats(q: StatsQuery): Promise<StoreStats> {
    const since = ms(q.since);
    const until = ms(q.until);
    // Filters shared by every query; `m` is ticket_metrics.
    const filters: string[] = [];
    const params: Record<string, unknown> = { since, until };
    if (q.assigneeId !== undefined) {
      filters.push('m.assignee_id = @assignee');
      params['assignee'] = q.assigneeId;
    }
    if (q.skill !== undefined) {
      filters.push('EXISTS (SELECT 1 FROM ticket_metric_skills s WHERE s.skill = @skill AND s.ticket_id = m.ticket_id)');
      params['skill'] = q.skill;
    }
    const and = filters.map((f) => ` AND ${f}`).join('');
    const filedIn = `m.created_ms >= @since AND m.created_ms < @until${and}`;
    const resolvedIn = `m.resolved_ms >= @since AND m.resolved_ms < @until${and}`;

    const filed = this.db.prepare(`SELECT count(*) AS n, sum(m.breached) AS breached, count(m.first_response_ms) AS responded FROM ticket_metrics m WHERE ${filedIn}`).get(params) as { n: number; breached: number | null; responded: number };
    const done = this.db
      .prepare(`SELECT count(*) AS n, sum(m.reopens > 0) AS reopened, sum(m.rating = 'good') AS good, sum(m.rating = 'bad') AS bad FROM ticket_metrics m WHERE ${resolvedIn}`)
      .get(params) as { n: number; reopened: number | null; good: number | null; bad: number | null };

    const backlogByPriority = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;
    for (const row of this.db.prepare(`SELECT m.priority AS priority, count(*) AS n FROM ticket_metrics m WHERE m.open = 1${and} GROUP BY m.priority`).all(params) as { priority: Priority; n: number }[])
      backlogByPriority[row.priority] = row.n;
    const bySkillSql =
      filters.length === 0
        ? 'SELECT k.skill AS skill, count(*) AS count FROM ticket_metric_skills k WHERE k.open = 1 GROUP BY k.skill ORDER BY count DESC, skill'
        : `SELECT k.skill AS skill, count(*) AS count FROM ticket_metric_skills k JOIN ticket_metrics m ON m.ticket_id = k.ticket_id WHERE k.open = 1${and} GROUP BY k.skill ORDER BY count DESC, skill`;
    const backlogBySkill = (this.db.prepare(bySkillSql).all(params) as { skill: string; count: number }[]).map((r) => ({ skill: r.skill, count: r.count }));

    const perModerator = this.moderators(resolvedIn, params);
    return {
      created: filed.n,
      resolved: done.n,
      backlogByPriority,
      backlogBySkill,
      firstResponse: this.percentiles('m.first_response_ms', 'ix_metrics_fr_order', `${filedIn} AND m.first_response_ms IS NOT NULL`, params, filed.responded),
      breached: filed.breached ?? 0,
      resolution: this.percentiles('m.resolution_ms', 'ix_metrics_res_order', `${resolvedIn} AND m.resolution_ms IS NOT NULL`, params, done.n),
      reopened: done.reopened ?? 0,
      good: done.good ?? 0,
      bad: done.bad ?? 0,
      perModerator,
    };
  }

  private percentiles(column: string, index: string, where: string, params: Record<string, unknown>, count: number): Percentiles {
    if (count === 0) return { count: 0, p50: null, p90: null };
    // Walks the value-ordered index up to the rank; the planner would rather sort the period's rows.
    const at = this.db.prepare(`SELECT ${column} FROM ticket_metrics m INDEXED BY ${index} WHERE ${where} ORDER BY ${column} LIMIT 1 OFFSET @rank`).pluck();
    const value = (q: number) => (at.get({ ...params, rank: rankOf(count, q) }) as number | undefined) ?? null;
    return { count, p50: value(0.5), p90: value(0.9) };
  }

  private moderators(resolvedIn: string, params: Record<string, unknown>): ModeratorStats[] {
    const groups = this.db
      .prepare(
        `SELECT m.assignee_id AS assigneeId, count(*) AS resolved, sum(m.breached) AS breached, sum(m.rating = 'good') AS good, sum(m.rating = 'bad') AS bad
         FROM ticket_metrics m WHERE ${resolvedIn} AND m.assignee_id IS NOT NULL GROUP BY m.assignee_id`,
      )
      .all(params) as { assigneeId: string; resolved: number; breached: number; good: number; bad: number }[];
    // Each moderator's percentiles walk their part of the (assignee, resolution time) index.
    const at = this.db
      .prepare(`SELECT m.resolution_ms FROM ticket_metrics m INDEXED BY ix_metrics_moderator WHERE m.assignee_id = @moderator AND ${resolvedIn} AND m.resolution_ms IS NOT NULL ORDER BY m.resolution_ms LIMIT 1 OFFSET @rank`)
      .pluck();
    const value = (moderator: string, n: number, q: number) => (at.get({ ...params, moderator, rank: rankOf(n, q) }) as number | undefined) ?? null;
    return groups
      .map((g) => ({ ...g, resolution: { count: g.resolved, p50: value(g.assigneeId, g.resolved, 0.5), p90: value(g.assigneeId, g.resolved, 0.9) } }))
      .sort(moderatorOrder);
  }
}
