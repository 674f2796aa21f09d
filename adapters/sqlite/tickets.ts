import type Database from 'better-sqlite3';
import { newTicketRecord, VersionConflict, type NewTicket, type Ticket, type TicketQuery } from '../../core/index.js';
import type { TicketChangeCursor } from '../../core/index.js';
import { ms, placeholders, type StatementCache } from './sql.js';

/**
 * Ticket rows. Methods are synchronous and expect to run inside the
 * caller's transaction (see SqliteStore), so a ticket, its skills and the
 * jobs saved with it commit together or not at all.
 */
export class TicketTable {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byRef: Database.Statement;
  private readonly byIdempotencyKey: Database.Statement;
  private readonly versionOf: Database.Statement;
  private readonly nextRef: Database.Statement;
  private readonly clearSkills: Database.Statement;
  private readonly addSkill: Database.Statement;
  private readonly resolved: Database.Statement;
  private readonly changes: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    const cols = 'ref, id, status, priority, requester_id, assignee_id, created_ms, version, idempotency_key, title_lc, description_lc, doc';
    this.insert = db.prepare(`INSERT INTO tickets (${cols}) VALUES (${cols.split(', ').map((c) => `@${c}`).join(', ')})`);
    this.update = db.prepare(`UPDATE tickets SET status = @status, priority = @priority, requester_id = @requester_id,
      assignee_id = @assignee_id, created_ms = @created_ms, version = @version, title_lc = @title_lc,
      description_lc = @description_lc, doc = @doc WHERE ref = @ref AND version = @expected`);
    this.byId = db.prepare('SELECT doc FROM tickets WHERE id = ?').pluck();
    this.byRef = db.prepare('SELECT doc FROM tickets WHERE ref = ?').pluck();
    this.byIdempotencyKey = db.prepare('SELECT doc FROM tickets WHERE idempotency_key = ?').pluck();
    this.versionOf = db.prepare('SELECT ref, version FROM tickets WHERE id = ?');
    // Refs are allocated inside the write transaction: max + 1 is contiguous and race-free.
    // Withdrawn tickets leave only their ref in retired_refs, so it is never handed out again.
    this.nextRef = db.prepare('SELECT max(coalesce((SELECT max(ref) FROM tickets), 0), coalesce((SELECT max(ref) FROM retired_refs), 0)) + 1').pluck();
    this.clearSkills = db.prepare('DELETE FROM ticket_skills WHERE ticket_ref = ?');
    this.addSkill = db.prepare('INSERT OR IGNORE INTO ticket_skills (skill, ticket_ref) VALUES (?, ?)');
    this.resolved = db.prepare("SELECT doc FROM tickets WHERE status = 'DONE' AND ref > ? ORDER BY ref LIMIT ?").pluck();
    this.changes = db
      // A row value, so the (updated_at, id) range is one index seek even when many tickets share a time.
      .prepare('SELECT doc FROM tickets WHERE resolved_once = 1 AND (updated_at, id) > (@at, @id) ORDER BY updated_at, id LIMIT @limit')
      .pluck();
  }

  /** The ticket filed earlier with this idempotency key, if any. */
  findByIdempotencyKey(key: string): Ticket | null {
    return parse(this.byIdempotencyKey.get(key));
  }

  create(input: NewTicket): Ticket {
    const ticket = newTicketRecord(input, this.nextRef.get() as number);
    this.insert.run({ ...ticketRow(ticket), idempotency_key: input.idempotencyKey ?? null });
    this.writeSkills(ticket.ref, ticket.skills, false);
    return ticket;
  }

  get(id: string): Ticket | null {
    return parse(this.byId.get(id));
  }

  getByRef(ref: number): Ticket | null {
    return Number.isSafeInteger(ref) ? parse(this.byRef.get(ref)) : null;
  }

  /** Saves `next` over `expectedVersion`; throws VersionConflict when someone saved first. */
  save(next: Ticket, expectedVersion: number): Ticket {
    const current = this.versionOf.get(next.id) as { ref: number; version: number } | undefined;
    if (!current) throw new Error(`ticket ${next.id} does not exist`);
    if (current.version !== expectedVersion) throw new VersionConflict('ticket', next.id);
    // The ref is the store's; so is the version.
    const saved: Ticket = { ...next, ref: current.ref, version: current.version + 1 };
    const result = this.update.run({ ...ticketRow(saved), expected: expectedVersion });
    if (result.changes !== 1) throw new VersionConflict('ticket', next.id);
    this.writeSkills(saved.ref, saved.skills, true);
    return saved;
  }

  /**
   * Pages are chosen on refs alone and documents read only for the page, so
   * sorting never drags documents along. Without a selective filter the
   * inner query walks tickets in ref order (the status index is switched
   * off with `+`), which finds a page of open tickets after a few rows
   * instead of sorting every open ticket.
   */
  list(q: TicketQuery): Ticket[] {
    if (q.order === 'queue') return this.listQueue(q);
    if (q.order === 'updated') return this.listUpdated(q);
    const selective = q.requesterId !== undefined || q.assigneeId !== undefined || q.assignedToOrUnassigned !== undefined || q.skills !== undefined || q.createdAfter !== undefined;
    const where = whereOf(q, !selective);
    if (!where) return [];
    const order = q.order === 'oldest' ? 'ASC' : 'DESC';
    const sql = `SELECT doc FROM tickets WHERE ref IN (SELECT ref FROM tickets ${where.sql} ORDER BY ref ${order} LIMIT ? OFFSET ?) ORDER BY ref ${order}`;
    const rows = this.cache.get(sql).pluck().all(...where.params, q.limit ?? -1, q.offset ?? 0) as string[];
    return rows.map((doc) => JSON.parse(doc) as Ticket);
  }

  /**
   * The queue: priority rank, then age, then ref, from the queue indexes
   * (open tickets have their own partial index, so the first page is a
   * short walk however many tickets are resolved).
   */
  private listQueue(q: TicketQuery): Ticket[] {
    const where = whereOf(q);
    if (!where) return [];
    const order = 'ORDER BY priority_rank, created_ms, ref';
    const sql = `SELECT doc FROM tickets WHERE ref IN (SELECT ref FROM tickets ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`;
    const rows = this.cache.get(sql).pluck().all(...where.params, q.limit ?? -1, q.offset ?? 0) as string[];
    return rows.map((doc) => JSON.parse(doc) as Ticket);
  }

  /** Most recently changed first, from the (updated_at, ref) index of migration 5. */
  private listUpdated(q: TicketQuery): Ticket[] {
    const where = whereOf(q);
    if (!where) return [];
    const order = 'ORDER BY updated_at DESC, ref DESC';
    const sql = `SELECT doc FROM tickets WHERE ref IN (SELECT ref FROM tickets ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`;
    const rows = this.cache.get(sql).pluck().all(...where.params, q.limit ?? -1, q.offset ?? 0) as string[];
    return rows.map((doc) => JSON.parse(doc) as Ticket);
  }

  count(q: TicketQuery): number {
    const where = whereOf(q);
    if (!where) return 0;
    return this.cache.get(`SELECT count(*) FROM tickets ${where.sql}`).pluck().get(...where.params) as number;
  }

  listResolved(afterRef: number, limit: number): Ticket[] {
    return (this.resolved.all(afterRef, limit) as string[]).map((doc) => JSON.parse(doc) as Ticket);
  }

  /** See Store.listResolvedChanges; walks ix_tickets_resolved_changes. */
  listResolvedChanges(after: TicketChangeCursor | null, limit: number): Ticket[] {
    if (limit <= 0) return [];
    const rows = this.changes.all({ at: after?.updatedAt ?? '', id: after?.id ?? '', limit }) as string[];
    return rows.map((doc) => JSON.parse(doc) as Ticket);
  }

  private writeSkills(ref: number, skills: readonly string[], replace: boolean): void {
    if (replace) this.clearSkills.run(ref);
    for (const skill of skills) this.addSkill.run(skill, ref);
  }
}

function parse(doc: unknown): Ticket | null {
  return typeof doc === 'string' ? (JSON.parse(doc) as Ticket) : null;
}

/** Column values for a ticket; the document is the whole record, columns are what queries need. */
export function ticketRow(t: Ticket) {
  return {
    ref: t.ref,
    id: t.id,
    status: t.status,
    priority: t.priority,
    requester_id: t.requesterId,
    assignee_id: t.assigneeId,
    created_ms: ms(t.createdAt),
    version: t.version,
    title_lc: t.title.toLowerCase(),
    description_lc: t.description.toLowerCase(),
    doc: JSON.stringify(t),
  };
}

/**
 * The WHERE clause for a query, or null when it cannot match anything (an
 * empty list filter). Text search lower-cases in JavaScript (full Unicode,
 * unlike SQLite's lower()) and uses instr(), so % _ and quotes are literal.
 * `inRefOrder` keeps the planner off the status and priority indexes.
 */
export function whereOf(q: TicketQuery, inRefOrder = false): { sql: string; params: unknown[] } | null {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined): boolean => {
    if (values === undefined) return true;
    if (values.length === 0) return false;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
    return true;
  };
  const noIndex = inRefOrder ? '+' : '';
  // "Open" is written as a literal so the planner may use the partial index of open tickets.
  if (isOpenSet(q.statuses)) clauses.push(`${noIndex}status <> 'DONE'`);
  else if (!inList(`${noIndex}status`, q.statuses)) return null;
  if (!inList(`${noIndex}priority`, q.priorities)) return null;
  if (q.skills !== undefined) {
    if (q.skills.length === 0) return null;
    clauses.push(`ref IN (SELECT ticket_ref FROM ticket_skills WHERE skill IN (${placeholders(q.skills.length)}))`);
    params.push(...q.skills);
  }
  if (q.requesterId !== undefined) {
    clauses.push('requester_id = ?');
    params.push(q.requesterId);
  }
  if (q.assigneeId === null) clauses.push('assignee_id IS NULL');
  else if (q.assigneeId !== undefined) {
    clauses.push('assignee_id = ?');
    params.push(q.assigneeId);
  }
  if (q.assignedToOrUnassigned !== undefined) {
    clauses.push('(assignee_id = ? OR assignee_id IS NULL)');
    params.push(q.assignedToOrUnassigned);
  }
  if (q.createdAfter !== undefined) {
    clauses.push('created_ms >= ?');
    params.push(ms(q.createdAfter));
  }
  if (q.createdBefore !== undefined) {
    clauses.push('created_ms <= ?');
    params.push(ms(q.createdBefore));
  }
  if (q.text !== undefined) {
    const needle = q.text.toLowerCase();
    clauses.push('(instr(title_lc, ?) > 0 OR instr(description_lc, ?) > 0)');
    params.push(needle, needle);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Exactly the open statuses (TODO and IN_PROGRESS, any order, repeats allowed). */
function isOpenSet(statuses: readonly string[] | undefined): boolean {
  if (statuses === undefined || statuses.length === 0) return false;
  const set = new Set(statuses);
  return set.size === 2 && set.has('TODO') && set.has('IN_PROGRESS');
}
