import type Database from 'better-sqlite3';
import type { AuditEntry, AuditQuery, SavedReply } from '../../core/index.js';
import { iso, ms } from './sql.js';

/**
 * The audit record and saved replies. Synchronous, like the other tables:
 * SqliteStore calls them inside the transaction of the change they belong
 * to, so a role change, a ticket save or a saved-reply edit commits with
 * its audit entries or not at all.
 */
export class AuditTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly page: Database.Statement;
  private readonly pageInvolving: Database.Statement;
  private readonly count: Database.Statement;
  private readonly countInvolving: Database.Statement;
  private readonly getReply: Database.Statement;
  private readonly allReplies: Database.Statement;
  private readonly putReply: Database.Statement;
  private readonly deleteReply: Database.Statement;

  constructor(db: Database.Database) {
    // An id already written is a retried save: the first entry stands.
    this.insert = db.prepare('INSERT OR IGNORE INTO audit (id, at_ms, actor_id, subject_id, doc) VALUES (?, ?, ?, ?, ?)');
    this.byId = db.prepare('SELECT doc FROM audit WHERE id = ?').pluck();
    this.page = db.prepare('SELECT doc FROM audit ORDER BY at_ms DESC, id DESC LIMIT ? OFFSET ?').pluck();
    // Both arms are served by their own index; the union is small (one person's record).
    this.pageInvolving = db
      .prepare(
        `SELECT doc FROM audit WHERE rowid IN (SELECT rowid FROM audit WHERE actor_id = @p UNION SELECT rowid FROM audit WHERE subject_id = @p)
         ORDER BY at_ms DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .pluck();
    this.count = db.prepare('SELECT count(*) FROM audit').pluck();
    this.countInvolving = db.prepare('SELECT count(*) FROM (SELECT rowid FROM audit WHERE actor_id = @p UNION SELECT rowid FROM audit WHERE subject_id = @p)').pluck();
    this.getReply = db.prepare('SELECT doc FROM saved_replies WHERE name = ?').pluck();
    this.allReplies = db.prepare('SELECT doc FROM saved_replies ORDER BY name').pluck();
    this.putReply = db.prepare('INSERT INTO saved_replies (name, doc) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET doc = excluded.doc');
    this.deleteReply = db.prepare('DELETE FROM saved_replies WHERE name = ?');
  }

  /** Writes entries not yet written; returns how many were new. */
  write(entries: readonly AuditEntry[]): number {
    let n = 0;
    for (const e of entries) {
      const entry = { ...e, at: iso(e.at) };
      n += this.insert.run(entry.id, ms(entry.at), entry.actorId, entry.subjectId, JSON.stringify(entry)).changes;
    }
    return n;
  }

  get(id: string): AuditEntry | null {
    const doc = this.byId.get(id) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as AuditEntry);
  }

  list(q: AuditQuery): AuditEntry[] {
    const limit = q.limit ?? -1;
    const offset = q.offset ?? 0;
    const rows = (q.involving === undefined ? this.page.all(limit, offset) : this.pageInvolving.all({ p: q.involving, limit, offset })) as string[];
    return rows.map((doc) => JSON.parse(doc) as AuditEntry);
  }

  countOf(q: AuditQuery): number {
    return (q.involving === undefined ? this.count.get() : this.countInvolving.get({ p: q.involving })) as number;
  }

  reply(name: string): SavedReply | null {
    const doc = this.getReply.get(name) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as SavedReply);
  }

  replies(): SavedReply[] {
    return (this.allReplies.all() as string[]).map((doc) => JSON.parse(doc) as SavedReply);
  }

  putReplyRow(reply: SavedReply): void {
    this.putReply.run(reply.name, JSON.stringify({ ...reply, createdAt: iso(reply.createdAt), updatedAt: iso(reply.updatedAt) }));
  }

  deleteReplyRow(name: string): boolean {
    return this.deleteReply.run(name).changes === 1;
  }
}
