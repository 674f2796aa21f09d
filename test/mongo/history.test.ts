/**
 * Ticket history on MongoDB outside the contract: histories embedded in
 * ticket documents by earlier releases are moved to ticket_history at open
 * (by two processes starting at once, too), and a save whose new entries
 * were not yet applied when its process died reads complete and is applied
 * by recovery.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage, newTicketRecord, type Ticket } from '../../core/index.js';
import { at, HOUR, MINUTE, newTicket } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

type Raw = { _id: string } & Record<string, unknown>;

/** A ticket document as releases before ticket_history wrote it: the whole history inside. */
function embedded(t: Ticket): Raw {
  const d = (iso: string | null) => (iso === null ? null : new Date(iso));
  return {
    _id: t.id, ref: t.ref, title: t.title, description: t.description, titleLower: t.title.toLowerCase(), descriptionLower: t.description.toLowerCase(),
    status: t.status, priority: t.priority, priorityRank: 1, category: t.category, skills: [...t.skills], summary: t.summary, notes: t.notes,
    suggestedFix: t.suggestedFix, similar: [], triage: null, requesterId: t.requesterId, assigneeId: t.assigneeId, unassignedReason: null,
    origin: { ...t.origin }, resolution: t.resolution, createdAt: d(t.createdAt), updatedAt: d(t.updatedAt), startedAt: d(t.startedAt), resolvedAt: d(t.resolvedAt),
    version: t.version, history: JSON.parse(JSON.stringify(t.history)) as unknown[], outbox: [],
  };
}

function talked(ref: number, messages: number): Ticket {
  let t = newTicketRecord(newTicket({ createdAt: at() }), ref);
  for (let i = 0; i < messages; i++) t = addMessage(t, t.requesterId, `message ${i}`, at((i + 1) * MINUTE));
  return t;
}

describe('MongoDB ticket history', () => {
  let target: MongoTarget;
  const opened: MongoStore[] = [];
  const clients: InstanceType<typeof mongoose.mongo.MongoClient>[] = [];

  beforeAll(async () => {
    target = await mongoTarget();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await Promise.allSettled(clients.map((c) => c.close()));
    await target?.close();
  });

  async function database(label: string) {
    const uri = target.freshUri(label);
    const client = new mongoose.mongo.MongoClient(uri);
    clients.push(client);
    await client.connect();
    const db = client.db();
    return { uri, tickets: db.collection<Raw>('tickets'), history: db.collection<Raw>('ticket_history'), counters: db.collection<Raw>('counters') };
  }

  async function open(uri: string): Promise<MongoStore> {
    const store = await openMongoStore(uri);
    opened.push(store);
    return store;
  }

  it('moves embedded histories out at open, once, with two processes starting together', async () => {
    const { uri, tickets, history, counters } = await database('migrate');
    const old = [talked(1, 0), talked(2, 4), talked(3, 120)];
    await tickets.insertMany(old.map(embedded));
    const [a, b] = await Promise.all([open(uri), open(uri)]);
    expect(await tickets.countDocuments({ history: { $exists: true } })).toBe(0);
    expect(await tickets.find({}, { projection: { historyLength: 1 } }).sort({ ref: 1 }).toArray()).toEqual(old.map((t) => ({ _id: t.id, historyLength: t.history.length })));
    expect(await history.countDocuments({})).toBe(1 + 5 + 121);
    expect(await counters.findOne({ _id: 'schemaVersion' })).toEqual({ _id: 'schemaVersion', seq: 1 });
    for (const t of old) {
      expect(await a.getTicket(t.id)).toEqual(t);
      expect(await b.getTicketByRef(t.ref)).toEqual(t);
    }
    expect(await a.listTickets({ order: 'oldest' })).toEqual(old);
    // Saves append after the moved entries.
    const second = old[1] as Ticket;
    const next = await b.updateTicket(addMessage(second, second.requesterId, 'after the upgrade', at(HOUR)), { expectedVersion: second.version });
    expect(await a.getTicket(second.id)).toEqual(next);
    expect(await history.countDocuments({ ticketId: second.id })).toBe(6);
  });

  it('moves a document an older process embedded after the migration, when it is next saved', async () => {
    const { uri, tickets, history } = await database('late');
    const a = await open(uri);
    const late = talked(7, 3);
    await tickets.insertOne(embedded(late));
    expect(await a.getTicket(late.id)).toEqual(late);
    const next = await a.updateTicket(addMessage(late, late.requesterId, 'one more', at(HOUR)), { expectedVersion: late.version });
    expect(await a.getTicket(late.id)).toEqual(next);
    expect(await history.countDocuments({ ticketId: late.id })).toBe(5);
    expect(await tickets.countDocuments({ history: { $exists: true } })).toBe(0);
  });

  it('reads a save whose new entries are still in its outbox complete, and recovery writes them once', async () => {
    const { uri, tickets, history } = await database('pending');
    const a = await open(uri);
    const { ticket } = await a.createTicket(newTicket(), []);
    const saved = await a.updateTicket(addMessage(ticket, ticket.requesterId, 'first', at(MINUTE)), { expectedVersion: ticket.version });
    // The next save landed (version 3, two more entries) and its process died before applying them.
    const t = new Date(at(HOUR));
    const entries = [
      { type: 'message', at: at(HOUR), actorId: 'staff-1', text: 'second' },
      { type: 'message', at: at(HOUR), actorId: ticket.requesterId, text: 'third' },
    ];
    await tickets.updateOne({ _id: ticket.id }, { $set: { version: 3, updatedAt: t, historyLength: 4, outbox: [{ id: '3.0', at: t, op: 'history', from: 2, entries }] } });
    const expected = { ...saved, version: 3, updatedAt: at(HOUR), history: [...saved.history, ...entries] };
    expect(await a.getTicket(ticket.id)).toEqual(expected);
    expect(await a.listTickets({})).toEqual([expected]);
    // One entry was written before the crash: recovery writes the other and nothing twice.
    await history.insertOne({ _id: `${ticket.id}:2`, ticketId: ticket.id, seq: 2, entry: entries[0] });
    expect(await a.recover(at(2 * HOUR))).toBe(1);
    expect(await history.countDocuments({ ticketId: ticket.id })).toBe(4);
    expect((await tickets.findOne({ _id: ticket.id }))?.outbox).toEqual([]);
    expect(await a.getTicket(ticket.id)).toEqual(expected);
  });

  it('withdrawing a ticket removes its history', async () => {
    const { uri, history } = await database('withdraw');
    const a = await open(uri);
    const { ticket } = await a.createTicket(newTicket(), []);
    const kept = (await a.createTicket(newTicket(), [])).ticket;
    await a.withdrawTicket(ticket.id, { expectedVersion: ticket.version, loadDeltas: [], cancelJobKeys: [], at: at(MINUTE) });
    expect(await history.find({}, { projection: { ticketId: 1 } }).toArray()).toEqual([{ _id: `${kept.id}:0`, ticketId: kept.id }]);
  });
});
