import type Database from 'better-sqlite3';
import type { Person } from '../../core/index.js';

/** Something the guard empties when the database may have changed behind it. */
interface Clearable {
  clear(): void;
}

/**
 * Decides when the store's read caches (tickets and people, below) may be
 * used, and empties them when they could be stale. The database stays the
 * truth; a cache only holds what this connection read or committed itself.
 *
 * Two counters say whether anything else wrote since the caches were last
 * known to be right: `PRAGMA data_version` moves when another connection
 * commits (another process, the sqlite3 shell), and `total_changes()` moves
 * with every row this connection changes. The store's own writes run in
 * group transactions, and each one's committed hook puts its result in the
 * caches; the guard takes the change count after every group COMMIT as its
 * own, so any other movement of it is a write that went round the store
 * (a bulk load or store:copy through `db`, a hand-made transaction, a
 * statement that was rolled back) and the caches start over.
 *
 * While a transaction is open on the connection (a read snapshot, or one a
 * caller opened by hand that may still roll back) the caches are neither
 * read nor filled.
 */
export class CacheGuard {
  private readonly dataVersion: Database.Statement;
  private readonly totalChanges: Database.Statement;
  private readonly caches: Clearable[] = [];
  private seenVersion = -1;
  private ownChanges = -1;

  constructor(private readonly db: Database.Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
  }

  /** Registers a cache to empty with the others. */
  guard<C extends Clearable>(cache: C): C {
    this.caches.push(cache);
    return cache;
  }

  /** Whether the caches may be read or filled now; first empties them if the database changed behind them. */
  usable(): boolean {
    if (this.db.inTransaction) return false;
    const version = this.dataVersion.get() as number;
    const changes = this.totalChanges.get() as number;
    if (version !== this.seenVersion || changes !== this.ownChanges) {
      this.clear();
      this.seenVersion = version;
      this.ownChanges = changes;
    }
    return true;
  }

  /**
   * Call before a group transaction begins: a write that went round the
   * store since the last look is found now, before the batch's own changes
   * are counted in with it.
   */
  batchStarting(): void {
    this.usable();
  }

  /**
   * Call right after a group transaction committed, before its hooks run:
   * its changes are the store's own. data_version is left for the next look,
   * since another connection may have committed just before the batch began.
   */
  batchCommitted(): void {
    this.ownChanges = this.totalChanges.get() as number;
  }

  /** Whether a committed hook may fill the caches (not inside a caller's transaction, which may roll back). */
  get writable(): boolean {
    return !this.db.inTransaction;
  }

  clear(): void {
    for (const c of this.caches) c.clear();
  }
}

/** Map in least-recently-used order, bounded by entries and by a total size. */
class Bounded<V> {
  private readonly map = new Map<string, { readonly value: V; readonly size: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    // Re-inserting moves the key to the young end of the Map's order.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    // One huge value (a ticket with a very long history) is not worth pushing everything else out.
    if (size > this.maxSize / 8) return;
    this.map.set(key, { value, size });
    this.total += size;
    while (this.map.size > this.maxEntries || this.total > this.maxSize) {
      const oldest = this.map.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (hit === undefined) return;
    this.map.delete(key);
    this.total -= hit.size;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * A ticket as stored: its row's document (every field but the history) and
 * its history entries' JSON texts joined by commas, exactly the texts the
 * rows hold. Strings, so what the cache holds cannot be changed by anyone.
 */
export interface StoredTicket {
  readonly id: string;
  readonly ref: number;
  readonly doc: string;
  /** The entries' texts joined by `,` (empty for no entries). */
  readonly history: string;
  readonly len: number;
}

/** The ticket of a stored document and history, in one parse (a document is always an object, so its text ends with `}`). */
export function parseStored(s: Pick<StoredTicket, 'doc' | 'history'>): unknown {
  return JSON.parse(`${s.doc.slice(0, -1)},"history":[${s.history}]}`);
}

/** Tickets kept at most; a workflow step re-reads its ticket, so the tickets in flight are what matters. */
const TICKETS = 4_096;
/** Characters of ticket text kept at most (about 32 MB). */
const TICKET_CHARS = 16_000_000;

/**
 * Recently read and written tickets by id, as their stored text. Every hit
 * is parsed afresh, so each caller gets its own object and changing it
 * never changes the cache (the store contract hands out copies); the parse
 * is what a read from the database costs in JavaScript anyway, and a hit
 * saves the read transaction and its two statements.
 */
export class TicketCache {
  private readonly byId = new Bounded<StoredTicket>(TICKETS, TICKET_CHARS);

  constructor(private readonly guard: CacheGuard) {
    guard.guard(this);
  }

  /** The stored ticket, or undefined when it is not held or the cache may not be used now. */
  get(id: string): StoredTicket | undefined {
    return this.guard.usable() ? this.byId.get(id) : undefined;
  }

  /** After a read outside any transaction (the read checked `usable` first). */
  read(s: StoredTicket): void {
    if (this.guard.writable) this.put(s);
  }

  /** After a create or save committed: `appended` are the entries written past the first `from`. */
  saved(id: string, ref: number, doc: string, from: number, appended: readonly string[]): void {
    if (!this.guard.writable) return this.guard.clear();
    const before = from === 0 ? { history: '', len: 0 } : this.byId.get(id);
    if (before === undefined || before.len !== from) return this.byId.delete(id);
    const added = appended.join(',');
    const history = before.history === '' ? added : added === '' ? before.history : `${before.history},${added}`;
    this.put({ id, ref, doc, history, len: from + appended.length });
  }

  /** After a ticket was deleted (withdrawn). */
  forget(id: string): void {
    if (!this.guard.writable) return this.guard.clear();
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  /** Tickets held, for tests. */
  get size(): number {
    return this.byId.size;
  }

  private put(s: StoredTicket): void {
    this.byId.set(s.id, s, s.doc.length + s.history.length);
  }
}

/** People kept at most (requesters and staff a workflow step reads). */
const PEOPLE = 4_096;

/**
 * Recently read people by id. A person is flat but for two lists of
 * strings, so a copy in and a copy out (one object, two short arrays) keep
 * the cache apart from every caller. Writes to a person (an edit, a new
 * identity, load bookkeeping of an assignment or withdrawal) drop them; the
 * next read fills them again.
 */
export class PersonCache {
  private readonly byId = new Bounded<Person>(PEOPLE, PEOPLE);

  constructor(private readonly guard: CacheGuard) {
    guard.guard(this);
  }

  /** A copy of the person held, or undefined when not held or the cache may not be used now. */
  get(id: string): Person | undefined {
    if (!this.guard.usable()) return undefined;
    const p = this.byId.get(id);
    return p === undefined ? undefined : copyPerson(p);
  }

  /** After a read outside any transaction (the read checked `usable` first). */
  read(p: Person): void {
    if (this.guard.writable) this.byId.set(p.id, copyPerson(p), 1);
  }

  /** After a write to these people committed. */
  changed(ids: Iterable<string>): void {
    if (!this.guard.writable) return this.guard.clear();
    for (const id of ids) this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }
}

function copyPerson(p: Person): Person {
  return { ...p, identities: p.identities.slice(), skills: p.skills.slice() };
}
