/**
 * The SQLite history layout: migration 7 moves the history that earlier
 * releases kept inside each ticket's document into ticket_history, and a
 * withdrawn ticket takes its history rows with it.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addMessage, newTicketRecord, type Ticket } from '../../core/index.js';
import { at, HOUR, MINUTE, newTicket } from '../../core/ports/store-fixtures.contract.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

/** A ticket as releases before migration 7 stored it: the whole record, history included, in `doc`. */
function insertOldRow(db: Database.Database, t: Ticket): void {
  db.prepare(
    `INSERT INTO tickets (ref, id, status, priority, requester_id, assignee_id, created_ms, version, idempotency_key, title_lc, description_lc, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(t.ref, t.id, t.status, t.priority, t.requesterId, t.assigneeId, Date.parse(t.createdAt), t.version, t.title.toLowerCase(), t.description.toLowerCase(), JSON.stringify(t));
}

function oldTicket(ref: number, messages: number): Ticket {
  let t = newTicketRecord(newTicket({ createdAt: at() }), ref);
  for (let i = 0; i < messages; i++) t = addMessage(t, t.requesterId, `message ${i} "quoted" \u00e9`, at((i + 1) * MINUTE));
  return t;
}

describe('SQLite ticket history', () => {
  it('migrates histories kept in the ticket documents into their own rows, and the store reads them back whole', async () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 7));
    const tickets = [oldTicket(1, 0), oldTicket(2, 3), oldTicket(3, 250)];
    for (const t of tickets) insertOldRow(db, t);
    expect(migrate(db)).toEqual([7]);
    expect(db.prepare("SELECT count(*) FROM tickets WHERE json_type(doc, '$.history') IS NOT NULL").pluck().get()).toBe(0);
    expect(db.prepare('SELECT ref, history_len FROM tickets ORDER BY ref').all()).toEqual(tickets.map((t) => ({ ref: t.ref, history_len: t.history.length })));
    expect(db.prepare('SELECT count(*) FROM ticket_history').pluck().get()).toBe(1 + 4 + 251);
    const store = new SqliteStore(db, 'test');
    for (const t of tickets) expect(await store.getTicket(t.id)).toEqual(t);
    expect(await store.listTickets({ order: 'oldest' })).toEqual(tickets);
    // Saves after the migration append after the migrated entries.
    const first = tickets[1] as Ticket;
    const next = await store.updateTicket(addMessage(first, first.requesterId, 'after the upgrade', at(HOUR)), { expectedVersion: first.version });
    expect(await store.getTicket(first.id)).toEqual(next);
    expect(db.prepare('SELECT count(*) FROM ticket_history WHERE ticket_ref = 2').pluck().get()).toBe(5);
    await store.close();
  });

  it('removes a withdrawn ticket’s history rows with it', async () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const store = new SqliteStore(db, 'test');
    const { ticket } = await store.createTicket(newTicket(), []);
    const talked = await store.updateTicket(addMessage(ticket, ticket.requesterId, 'never mind', at(MINUTE)), { expectedVersion: ticket.version });
    const kept = (await store.createTicket(newTicket(), [])).ticket;
    expect(db.prepare('SELECT count(*) FROM ticket_history').pluck().get()).toBe(3);
    await store.withdrawTicket(talked.id, { expectedVersion: talked.version, loadDeltas: [], cancelJobKeys: [], at: at(MINUTE) });
    expect(db.prepare('SELECT ticket_ref FROM ticket_history').pluck().all()).toEqual([kept.ref]);
    await store.close();
  });
});
