import type Database from 'better-sqlite3';
import { HistoryShortenedError, newTicketRecord, VersionConflict, type HistoryEntry, type NewTicket, type Ticket, type TicketQuery } from '../../core/index.js';
import type { TicketChangeCursor } from '../../core/index.js';
import { parseStored, type StoredTicket } from './read-cache.js';
import { ms, placeholders, type StatementCache } from './sql.js';

/** The ticket columns every writer fills (see ticketRow). */
export const TICKET_COLUMNS = 'ref, id, status, priority, requester_id, assignee_id, created_ms, version, idempotency_key, title_lc, description_lc, doc, history_len';

/** A ticket row as read, before its history is attached. */
interface DocRow {
  readonly ref: number;
  readonly len: number;
  readonly doc: string;
}

/** What a create or save wrote, as text: the read cache keeps the ticket from it (see TicketCache.saved). */
export interface WrittenTicket {
  readonly ticket: Ticket;
  readonly doc: string;
  /** Entries stored before this write. */
  readonly from: number;
  /** The JSON texts of the entries this write appended. */
  readonly appended: readonly string[];
}

/**
 * Indexed columns a save writes only when their value changes: SQLite
 * rewrites an index entry for every indexed column an UPDATE assigns, same
 * value or not, and each rewrite dirties index pages the commit must write.
 */
const INDEXED = ['status', 'priority', 'requester_id', 'assignee_id', 'created_ms'] as const;

/** The stored row as a save finds it. */
interface CurrentRow {
  readonly ref: number;
  readonly version: number;
  readonly len: number;
  readonly status: string;
  readonly priority: string;
  readonly requester_id: string;
  readonly assignee_id: string | null;
  readonly created_ms: number;
}

/** The columns a read takes (the WHERE and ORDER BY follow). */
const READ = 'SELECT ref, history_len AS len, doc FROM tickets';

/**
 * Ticket rows and their history. Methods are synchronous and expect to run
 * inside the caller's transaction (see SqliteStore), so a ticket, its
 * skills, its new history entries and the jobs saved with it commit
 * together or not at all; reads of several statements run on one snapshot.
 *
 * History is append-only: each entry is a row of ticket_history keyed by
 * (ticket ref, position), the ticket row keeps only the count, and a save
 * inserts the entries past it. Entries already stored are never written
 * again, so a save costs the same with ten entries or ten thousand.
 */
export class TicketTable {
  private readonly insert: Database.Statement;
  /** UPDATE statements by which indexed columns they assign (a bit per INDEXED column). */
  private readonly updates: Database.Statement[] = [];
  private readonly byId: Database.Statement;
  private readonly byRef: Database.Statement;
  private readonly byIdempotencyKey: Database.Statement;
  private readonly versionOf: Database.Statement;
  private readonly nextRef: Database.Statement;
  private readonly clearSkills: Database.Statement;
  private readonly addSkill: Database.Statement;
  private readonly skillsOf: Database.Statement;
  private readonly resolved: Database.Statement;
  private readonly changes: Database.Statement;
  private readonly appendEntry: Database.Statement;
  private readonly historyOf: Database.Statement;
  private readonly historyOfRefs: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    this.insert = db.prepare(`INSERT INTO tickets (${TICKET_COLUMNS}) VALUES (${TICKET_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`);
    for (let mask = 0; mask < 1 << INDEXED.length; mask++) {
      const changed = INDEXED.filter((_, i) => mask & (1 << i)).map((c) => `${c} = @${c}, `);
      this.updates.push(
        db.prepare(`UPDATE tickets SET ${changed.join('')}version = @version, title_lc = @title_lc, description_lc = @description_lc,
          doc = @doc, history_len = @history_len WHERE ref = @ref AND version = @expected`),
      );
    }
    this.byId = db.prepare(`${READ} WHERE id = ?`);
    this.byRef = db.prepare(`${READ} WHERE ref = ?`);
    this.byIdempotencyKey = db.prepare(`${READ} WHERE idempotency_key = ?`);
    this.versionOf = db.prepare(`SELECT ref, version, history_len AS len, ${INDEXED.join(', ')} FROM tickets WHERE id = ?`);
    this.appendEntry = db.prepare('INSERT INTO ticket_history (ticket_ref, seq, doc) VALUES (?, ?, ?)');
    // In primary-key order: a range walk, no sort.
    this.historyOf = db.prepare('SELECT doc FROM ticket_history WHERE ticket_ref = ? AND seq < ? ORDER BY seq').pluck();
    // A page's histories in one query, whatever its size (the refs travel as one JSON array). The IN
    // list is walked in ref order along the primary key, so the ORDER BY sorts nothing; only the
    // entries' texts are read (one string per row is what makes a long page cheap).
    this.historyOfRefs = db.prepare('SELECT doc FROM ticket_history WHERE ticket_ref IN (SELECT value FROM json_each(?)) ORDER BY ticket_ref, seq').pluck();
    // Refs are allocated inside the write transaction: max + 1 is contiguous and race-free.
    // Withdrawn tickets leave only their ref in retired_refs, so it is never handed out again.
    this.nextRef = db.prepare('SELECT max(coalesce((SELECT max(ref) FROM tickets), 0), coalesce((SELECT max(ref) FROM retired_refs), 0)) + 1').pluck();
    this.clearSkills = db.prepare('DELETE FROM ticket_skills WHERE ticket_ref = ?');
    this.addSkill = db.prepare('INSERT OR IGNORE INTO ticket_skills (skill, ticket_ref) VALUES (?, ?)');
    this.skillsOf = db.prepare('SELECT skill FROM ticket_skills WHERE ticket_ref = ?').pluck();
    this.resolved = db.prepare(`${READ} WHERE status = 'DONE' AND ref > ? ORDER BY ref LIMIT ?`);
    // A row value, so the (updated_at, id) range is one index seek even when many tickets share a time.
    this.changes = db.prepare(`${READ} WHERE resolved_once = 1 AND (updated_at, id) > (@at, @id) ORDER BY updated_at, id LIMIT @limit`);
  }

  /** The ticket filed earlier with this idempotency key, if any. */
  findByIdempotencyKey(key: string): Ticket | null {
    return this.one(this.byIdempotencyKey.get(key));
  }

  create(input: NewTicket): WrittenTicket {
    const ticket = newTicketRecord(input, this.nextRef.get() as number);
    const row = ticketRow(ticket);
    this.insert.run({ ...row, idempotency_key: input.idempotencyKey ?? null });
    const appended = this.appendHistory(ticket.ref, ticket.history, 0);
    this.writeSkills(ticket.ref, ticket.skills, false);
    return { ticket, doc: row.doc, from: 0, appended };
  }

  get(id: string): Ticket | null {
    return this.one(this.byId.get(id));
  }

  /** The ticket's row and history as stored text (for the read cache), or null. */
  getStored(id: string): StoredTicket | null {
    const row = this.byId.get(id) as DocRow | undefined;
    if (row === undefined) return null;
    const entries = row.len > 0 ? (this.historyOf.all(row.ref, row.len) as string[]) : [];
    checkEntries(row, entries);
    return { id, ref: row.ref, doc: row.doc, history: entries.join(','), len: row.len };
  }

  getByRef(ref: number): Ticket | null {
    return Number.isSafeInteger(ref) ? this.one(this.byRef.get(ref)) : null;
  }

  /**
   * Saves `next` over `expectedVersion` and appends the history entries past
   * the stored ones; throws VersionConflict when someone saved first. A
   * history shorter than the stored one is a bug in the caller (entries are
   * never taken back) and is refused before anything is written.
   */
  save(next: Ticket, expectedVersion: number): WrittenTicket {
    const current = this.versionOf.get(next.id) as CurrentRow | undefined;
    if (!current) throw new Error(`ticket ${next.id} does not exist`);
    if (current.version !== expectedVersion) throw new VersionConflict('ticket', next.id);
    if (next.history.length < current.len) throw new HistoryShortenedError(next.id, current.len, next.history.length);
    // The ref is the store's; so is the version.
    const saved: Ticket = { ...next, ref: current.ref, version: current.version + 1 };
    const row = ticketRow(saved);
    let mask = 0;
    INDEXED.forEach((c, i) => {
      if (row[c] !== current[c]) mask |= 1 << i;
    });
    const result = (this.updates[mask] as Database.Statement).run({ ...row, expected: expectedVersion });
    if (result.changes !== 1) throw new VersionConflict('ticket', next.id);
    const appended = this.appendHistory(saved.ref, saved.history, current.len);
    this.writeSkills(saved.ref, saved.skills, true);
    return { ticket: saved, doc: row.doc, from: current.len, appended };
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
    const sql = `${READ} WHERE ref IN (SELECT ref FROM tickets ${where.sql} ORDER BY ref ${order} LIMIT ? OFFSET ?) ORDER BY ref ${order}`;
    return this.many(this.cache.get(sql).all(...where.params, q.limit ?? -1, q.offset ?? 0) as DocRow[]);
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
    const sql = `${READ} WHERE ref IN (SELECT ref FROM tickets ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`;
    return this.many(this.cache.get(sql).all(...where.params, q.limit ?? -1, q.offset ?? 0) as DocRow[]);
  }

  /** Most recently changed first, from the (updated_at, ref) index of migration 5. */
  private listUpdated(q: TicketQuery): Ticket[] {
    const where = whereOf(q);
    if (!where) return [];
    const order = 'ORDER BY updated_at DESC, ref DESC';
    const sql = `${READ} WHERE ref IN (SELECT ref FROM tickets ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`;
    return this.many(this.cache.get(sql).all(...where.params, q.limit ?? -1, q.offset ?? 0) as DocRow[]);
  }

  count(q: TicketQuery): number {
    const where = whereOf(q);
    if (!where) return 0;
    return this.cache.get(`SELECT count(*) FROM tickets ${where.sql}`).pluck().get(...where.params) as number;
  }

  listResolved(afterRef: number, limit: number): Ticket[] {
    return this.many(this.resolved.all(afterRef, limit) as DocRow[]);
  }

  /** See Store.listResolvedChanges; walks ix_tickets_resolved_changes. */
  listResolvedChanges(after: TicketChangeCursor | null, limit: number): Ticket[] {
    if (limit <= 0) return [];
    return this.many(this.changes.all({ at: after?.updatedAt ?? '', id: after?.id ?? '', limit }) as DocRow[]);
  }

  /**
   * Tickets with their histories for rows read by the caller (one query for
   * the whole page, never one per ticket), in the rows' order. Call inside
   * the same read transaction as the rows were read in.
   */
  many(rows: readonly DocRow[]): Ticket[] {
    if (rows.length === 0) return [];
    const byRef = new Map<number, string[]>();
    const withEntries = rows.filter((r) => r.len > 0).sort((a, b) => a.ref - b.ref);
    if (withEntries.length > 0) {
      // The rows come in ref order, each ticket's in seq order: each ticket's are the next `len` of them.
      const docs = this.historyOfRefs.all(JSON.stringify(withEntries.map((r) => r.ref))) as string[];
      const counted = withEntries.reduce((n, r) => n + r.len, 0);
      if (docs.length !== counted) throw new Error(`tickets ${withEntries.map((r) => `#${r.ref}`).join(', ')}: their rows count ${counted} history entries but ticket_history holds ${docs.length}; the database is damaged`);
      let at = 0;
      for (const r of withEntries) {
        byRef.set(r.ref, docs.slice(at, at + r.len));
        at += r.len;
      }
    }
    return rows.map((r) => withHistory(r, byRef.get(r.ref) ?? []));
  }

  private one(row: unknown): Ticket | null {
    if (row === undefined) return null;
    const r = row as DocRow;
    return withHistory(r, r.len > 0 ? (this.historyOf.all(r.ref, r.len) as string[]) : []);
  }

  /** Inserts the entries from `from` on; returns their texts. */
  private appendHistory(ref: number, history: readonly HistoryEntry[], from: number): string[] {
    const texts: string[] = [];
    for (let seq = from; seq < history.length; seq++) {
      const text = JSON.stringify(history[seq]);
      this.appendEntry.run(ref, seq, text);
      texts.push(text);
    }
    return texts;
  }

  /**
   * The ticket's skill rows. A save that leaves the skills as they are (most
   * saves: an assignment, a message, a start) writes none of them, so their
   * index pages stay out of the commit.
   */
  private writeSkills(ref: number, skills: readonly string[], replace: boolean): void {
    if (replace) {
      const stored = this.skillsOf.all(ref) as string[];
      const wanted = new Set(skills);
      if (stored.length === wanted.size && stored.every((s) => wanted.has(s))) return;
      if (stored.length > 0) this.clearSkills.run(ref);
    }
    for (const skill of skills) this.addSkill.run(skill, ref);
  }
}

/**
 * The ticket of a row and its entries' JSON texts, in one parse: the
 * entries are spliced into the document's text as its `history` (a
 * document is always an object, so its text ends with `}`). A missing
 * entry is damage, reported rather than hidden.
 */
function withHistory(row: DocRow, entries: readonly string[]): Ticket {
  checkEntries(row, entries);
  return parseStored({ doc: row.doc, history: entries.join(',') }) as Ticket;
}

/** A missing entry is damage, reported rather than hidden. */
function checkEntries(row: DocRow, entries: readonly string[]): void {
  if (entries.length !== row.len || entries.includes(undefined as unknown as string)) {
    throw new Error(`ticket #${row.ref}: its row counts ${row.len} history entries but ticket_history holds fewer; the database is damaged`);
  }
}

/**
 * Column values for a ticket: the document is the whole record but its
 * history (those entries are historyRows), columns are what queries need.
 */
export function ticketRow(t: Ticket) {
  const { history, ...rest } = t;
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
    doc: JSON.stringify(rest),
    history_len: history.length,
  };
}

/**
 * The ticket_history rows of a ticket, for writers that fill the tables
 * directly (bulk loads, benchmarks): insert them with the ticketRow (whose
 * `history_len` must be written too, see TICKET_COLUMNS).
 */
export function historyRows(t: Pick<Ticket, 'ref' | 'history'>): { ticket_ref: number; seq: number; doc: string }[] {
  return t.history.map((entry, seq) => ({ ticket_ref: t.ref, seq, doc: JSON.stringify(entry) }));
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
