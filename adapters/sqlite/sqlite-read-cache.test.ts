/**
 * Tickets and people are served from in-memory read caches once read or
 * written; these tests pin down that a read never returns what the
 * database no longer holds, whoever changed it and however: another
 * connection, a hand-made transaction rolled back, a write through `db`
 * round the store, store:copy, a withdrawal.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addMessage, type Ticket } from '../../core/index.js';
import { at, filedJob, HOUR, newPerson, newTicket, save } from '../../core/ports/store-fixtures.contract.js';
import { sqliteStoreCopy } from './copy.js';
import { openSqliteStore, type SqliteStore } from './index.js';
import { CacheGuard, TicketCache } from './read-cache.js';
import { twoConnections } from './test-fixtures/two-connections.js';

async function filed(store: SqliteStore): Promise<Ticket> {
  const input = newTicket();
  return (await store.createTicket(input, [filedJob(input.id)])).ticket;
}

/** A ticket both stores have read, so `a` holds it in its cache. */
async function shared(a: SqliteStore): Promise<Ticket> {
  const t = await filed(a);
  expect(await a.getTicket(t.id)).toEqual(t);
  return t;
}

describe('SqliteStore ticket and person caches', () => {
  const db = twoConnections();

  it('serves a ticket another connection saved or withdrew as the database now holds it', async () => {
    const t = await shared(db.a);
    const other = await db.b.updateTicket(addMessage(t, t.requesterId, 'from b', at(HOUR)), { expectedVersion: t.version });
    expect(await db.a.getTicket(t.id)).toEqual(other);
    // a saves on top of b's version: its cache follows its own write too.
    const mine = await db.a.updateTicket(addMessage(other, t.requesterId, 'from a', at(2 * HOUR)), { expectedVersion: other.version });
    expect(await db.a.getTicket(t.id)).toEqual(mine);
    expect(await db.b.getTicket(t.id)).toEqual(mine);
    await db.b.withdrawTicket(t.id, { expectedVersion: mine.version, loadDeltas: [], cancelJobKeys: [], at: at(3 * HOUR) });
    expect(await db.a.getTicket(t.id)).toBeNull();
  });

  it('follows every write of its own: create, each save with its history, withdrawal', async () => {
    const t = await filed(db.a);
    expect(await db.a.getTicket(t.id)).toEqual(t);
    let cur = t;
    for (let i = 0; i < 3; i++) {
      cur = await db.a.updateTicket(addMessage(cur, cur.requesterId, `message ${i}`, at(i * HOUR)), { expectedVersion: cur.version });
      expect(await db.a.getTicket(t.id)).toEqual(cur);
      expect(await db.b.getTicket(t.id)).toEqual(cur);
    }
    expect((await db.a.getTicket(t.id))?.history).toHaveLength(4);
    await db.a.withdrawTicket(t.id, { expectedVersion: cur.version, loadDeltas: [], cancelJobKeys: [], at: at(5 * HOUR) });
    expect(await db.a.getTicket(t.id)).toBeNull();
  });

  it('keeps no save that failed: a stale version leaves the cached ticket as stored', async () => {
    const t = await shared(db.a);
    const saved = await save(db.a, t, { title: 'first' });
    await expect(save(db.a, t, { title: 'stale' })).rejects.toThrow();
    expect(await db.a.getTicket(t.id)).toEqual(saved);
  });

  it('forgets writes rolled back with an outer transaction, and reads made inside it', async () => {
    const t = await shared(db.a);
    db.a.db.exec('BEGIN IMMEDIATE');
    const inside = await save(db.a, t, { title: 'rolled back' });
    expect((await db.a.getTicket(t.id))?.title).toBe('rolled back');
    const created = await filed(db.a);
    expect(await db.a.getTicket(created.id)).toEqual(created);
    expect(inside.version).toBe(t.version + 1);
    db.a.db.exec('ROLLBACK');
    expect(await db.a.getTicket(t.id)).toEqual(t);
    expect(await db.a.getTicket(created.id)).toBeNull();
  });

  it('sees writes made through db round the store, in a transaction or not', async () => {
    const t = await shared(db.a);
    db.a.db.prepare('UPDATE tickets SET doc = json_set(doc, ?, ?) WHERE id = ?').run('$.title', 'edited by hand', t.id);
    expect((await db.a.getTicket(t.id))?.title).toBe('edited by hand');
    db.a.db.transaction(() => db.a.db.prepare('DELETE FROM ticket_history WHERE ticket_ref = ?').run(t.ref)).immediate();
    await expect(db.a.getTicket(t.id)).rejects.toThrow(/damaged/);
  });

  it('sees a ticket store:copy brought up to date in a store that had read it', async () => {
    const t = await shared(db.a);
    const later = await db.a.updateTicket(addMessage(t, t.requesterId, 'after the copy', at(HOUR)), { expectedVersion: t.version });
    const target = openSqliteStore({ dataDir: ':memory:' });
    try {
      const copy = sqliteStoreCopy(target);
      await copy.importRecord({ kind: 'ticket', ticket: t, idempotencyKey: null });
      expect(await target.getTicket(t.id)).toEqual(t);
      expect(await copy.importRecord({ kind: 'ticket', ticket: later, idempotencyKey: null })).toBe('updated');
      expect(await target.getTicket(t.id)).toEqual(later);
    } finally {
      await target.close();
    }
  });

  it('hands out copies: changing a ticket read from the cache, or saved, changes nothing stored', async () => {
    const t = await shared(db.a);
    const read = (await db.a.getTicket(t.id)) as Ticket;
    (read as { title: string }).title = 'changed';
    (read.history as unknown[]).push({ type: 'started' });
    const next = addMessage(t, t.requesterId, 'hello', at(HOUR));
    const saved = await db.a.updateTicket(next, { expectedVersion: t.version });
    (next.history as unknown[]).push({ type: 'started' });
    (saved as { title: string }).title = 'changed too';
    const again = await db.a.getTicket(t.id);
    expect(again?.title).toBe(t.title);
    expect(again?.history).toHaveLength(2);
  });

  it('serves people as the database holds them: edits by another connection, load of an assignment, rollback', async () => {
    const m = await db.a.ensurePerson(newPerson('console:mod', { role: 'moderator' }));
    expect(await db.a.getPerson(m.id)).toEqual(m);
    const away = await db.b.updatePerson(m.id, { availability: 'away' }, m.version, at());
    expect(await db.a.getPerson(m.id)).toEqual(away);
    const t = await shared(db.a);
    await save(db.a, t, { assigneeId: m.id }, { loadDeltas: [{ personId: m.id, delta: 1 }], assignedAt: { personId: m.id, at: at(HOUR) } });
    expect(await db.a.getPerson(m.id)).toMatchObject({ openTickets: 1, lastAssignedAt: at(HOUR) });
    db.a.db.exec('BEGIN IMMEDIATE');
    await db.a.updatePerson(m.id, { displayName: 'rolled back' }, away.version, at());
    expect((await db.a.getPerson(m.id))?.displayName).toBe('rolled back');
    db.a.db.exec('ROLLBACK');
    expect((await db.a.getPerson(m.id))?.displayName).toBe(m.displayName);
    const read = (await db.a.getPerson(m.id)) as unknown as { skills: string[]; displayName: string };
    read.skills.push('changed');
    read.displayName = 'changed';
    expect(await db.a.getPerson(m.id)).toMatchObject({ skills: [], displayName: m.displayName });
  });
});

describe('TicketCache', () => {
  it('holds a bounded number of tickets and no single huge one', () => {
    const conn = new Database(':memory:');
    try {
      const guard = new CacheGuard(conn);
      const cache = new TicketCache(guard);
      // The guard's first look finds counters it has not seen and starts the caches empty.
      expect(guard.usable()).toBe(true);
      for (let i = 0; i < 5_000; i++) cache.saved(`t${i}`, i, '{"a":1}', 0, ['{}']);
      expect(cache.size).toBe(4_096);
      expect(cache.get('t0')).toBeUndefined();
      expect(cache.get('t4999')).toMatchObject({ ref: 4999, len: 1 });
      cache.saved('huge', 1, `{"a":"${'x'.repeat(4_000_000)}"}`, 0, []);
      expect(cache.get('huge')).toBeUndefined();
    } finally {
      conn.close();
    }
  });
});
