import type Database from 'better-sqlite3';
import { VersionConflict, type WatchedChannel } from '../../core/index.js';

interface WatchedRow {
  platform: string;
  channel_id: string;
  name: string;
  added_by: string;
  added_at: string;
}

/**
 * Support channels and withdrawn tickets. Methods are synchronous and run
 * inside the caller's transaction (see SqliteStore).
 */
export class IntakeTable {
  private readonly insertWatched: Database.Statement;
  private readonly deleteWatched: Database.Statement;
  private readonly getWatched: Database.Statement;
  private readonly listWatched: Database.Statement;
  private readonly refOf: Database.Statement;
  private readonly deleteTicket: Database.Statement;
  private readonly retire: Database.Statement;

  constructor(db: Database.Database) {
    this.insertWatched = db.prepare('INSERT OR IGNORE INTO watched_channels (platform, channel_id, name, added_by, added_at) VALUES (?, ?, ?, ?, ?)');
    this.deleteWatched = db.prepare('DELETE FROM watched_channels WHERE platform = ? AND channel_id = ?');
    this.getWatched = db.prepare('SELECT * FROM watched_channels WHERE platform = ? AND channel_id = ?');
    this.listWatched = db.prepare('SELECT * FROM watched_channels WHERE platform = ? ORDER BY added_at, channel_id');
    this.refOf = db.prepare('SELECT ref FROM tickets WHERE id = ? AND version = ?').pluck();
    // ticket_skills rows go with the ticket (ON DELETE CASCADE).
    this.deleteTicket = db.prepare('DELETE FROM tickets WHERE ref = ?');
    this.retire = db.prepare('INSERT OR IGNORE INTO retired_refs (ref) VALUES (?)');
  }

  watch(c: WatchedChannel): boolean {
    return this.insertWatched.run(c.platform, c.channelId, c.name, c.addedBy, c.addedAt).changes === 1;
  }

  unwatch(platform: string, channelId: string): boolean {
    return this.deleteWatched.run(platform, channelId).changes === 1;
  }

  get(platform: string, channelId: string): WatchedChannel | null {
    const row = this.getWatched.get(platform, channelId) as WatchedRow | undefined;
    return row ? fromRow(row) : null;
  }

  list(platform: string): WatchedChannel[] {
    return (this.listWatched.all(platform) as WatchedRow[]).map(fromRow);
  }

  /** Deletes the ticket at exactly this version and retires its ref; the caller applies load and jobs in the same transaction. */
  withdraw(id: string, expectedVersion: number): void {
    const ref = this.refOf.get(id, expectedVersion) as number | undefined;
    if (ref === undefined) throw new VersionConflict('ticket', id);
    this.deleteTicket.run(ref);
    this.retire.run(ref);
  }
}

function fromRow(r: WatchedRow): WatchedChannel {
  return { platform: r.platform, channelId: r.channel_id, name: r.name, addedBy: r.added_by, addedAt: r.added_at };
}
