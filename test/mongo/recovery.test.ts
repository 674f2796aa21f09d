/**
 * Crash recovery without transactions: the documents a process leaves when
 * it dies between the steps of a creation or a save (written here directly,
 * in the adapter's layout) are finished by the recovery sweep, exactly
 * once, even when two processes sweep at the same moment.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, filedJob, HOUR, MINUTE, newPerson, newTicket } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

type Raw = { _id: string } & Record<string, unknown>;
interface TicketRow {
  _id: string;
  outbox?: unknown[];
  [field: string]: unknown;
}
interface PersonRow {
  _id: string;
  openTickets?: number;
  loadOps?: string[];
}

/** A ticket as step 1 of a creation writes it: no ref yet, its job still in the outbox. */
function halfCreated(id: string, createdAt: string): Raw {
  const t = new Date(createdAt);
  return {
    _id: id, title: 'Crashed while filing', description: '', titleLower: 'crashed while filing', descriptionLower: '',
    status: 'TODO', priority: 'MEDIUM', category: 'general', skills: [], summary: '', notes: '', suggestedFix: null, similar: [],
    triage: null, requesterId: 'r1', assigneeId: null, unassignedReason: null, origin: { platform: 'console' }, resolution: null,
    createdAt: t, updatedAt: t, startedAt: null, resolvedAt: null, version: 1,
    history: [{ type: 'filed', at: createdAt, actorId: 'r1' }],
    pendingSince: t,
    outbox: [{ id: '1.0', at: t, op: 'job', name: 'ticket/filed', key: `ticket/filed:${id}`, data: JSON.stringify({ ticketId: id }), runAt: t }],
  };
}

describe('MongoDB store crash recovery', () => {
  let target: MongoTarget;
  let client: InstanceType<typeof mongoose.mongo.MongoClient>;
  const opened: MongoStore[] = [];

  beforeAll(async () => {
    target = await mongoTarget();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await client?.close();
    await target?.close();
  });

  async function setup(label: string) {
    const uri = target.freshUri(label);
    const a = await openMongoStore(uri);
    const b = await openMongoStore(uri);
    opened.push(a, b);
    client = client ?? new mongoose.mongo.MongoClient(uri);
    await client.connect();
    const db = client.db(new URL(uri.replace(/^mongodb/, 'http')).pathname.slice(1));
    return { a, b, tickets: db.collection<TicketRow>('tickets'), people: db.collection<PersonRow>('people') };
  }

  it('finishes a creation that stopped before its ref, giving it the next ref and its job', async () => {
    const { a, b, tickets } = await setup('creation');
    await a.createTicket(newTicket(), []);
    await tickets.insertOne(halfCreated('crashed-1', at()));
    expect(await a.getTicket('crashed-1')).toBeNull();
    expect(await a.countTickets({})).toBe(1);
    // Younger than the grace period: it may belong to a live process, so it is left alone.
    expect(await a.recover(at(30_000))).toBe(0);
    const swept = await Promise.all([a.recover(at(2 * MINUTE)), b.recover(at(2 * MINUTE))]);
    expect(swept.some((n) => n > 0)).toBe(true);
    const finished = await a.getTicket('crashed-1');
    expect(finished).toMatchObject({ ref: 2, title: 'Crashed while filing', version: 1 });
    expect(await b.getJobByKey('ticket/filed:crashed-1')).toMatchObject({ state: 'pending', data: { ticketId: 'crashed-1' } });
    expect(await a.listJobs({})).toHaveLength(1);
    expect((await b.createTicket(newTicket(), [])).ticket.ref).toBe(3);
    expect(await tickets.countDocuments({ pendingSince: { $exists: true } })).toBe(0);
  });

  it('claims run the sweep, so the runner picks up work a crashed filing left', async () => {
    const { a, tickets } = await setup('claim-sweep');
    await tickets.insertOne(halfCreated('crashed-2', at()));
    const job = await a.claimDueJob('runner', at(2 * MINUTE), at(3 * MINUTE));
    expect(job).toMatchObject({ key: 'ticket/filed:crashed-2', leaseOwner: 'runner' });
    expect((await a.getTicket('crashed-2'))?.ref).toBe(1);
  });

  it('applies the rest of a save whose side effects were cut short, counting loads once', async () => {
    const { a, b, tickets, people } = await setup('save');
    const mod = await a.ensurePerson(newPerson('console:mod', { role: 'moderator' }));
    const other = await a.ensurePerson(newPerson('console:other', { role: 'moderator' }));
    const input = newTicket();
    const { ticket } = await a.createTicket(input, [filedJob(input.id)]);
    const t = new Date(at(HOUR));
    // The save landed (version 2) with five side effects; only the first load change was applied before the crash.
    await tickets.updateOne(
      { _id: ticket.id },
      {
        $set: {
          version: 2,
          assigneeId: mod.id,
          updatedAt: t,
          outbox: [
            { id: '2.0', at: t, op: 'job', name: 'ticket/assigned', key: 'ticket/assigned:1:2', data: JSON.stringify({ ticketId: ticket.id }), runAt: t },
            { id: '2.1', at: t, op: 'cancel', keys: [`ticket/filed:${ticket.id}`] },
            { id: '2.2', at: t, op: 'load', personId: mod.id, delta: 1 },
            { id: '2.3', at: t, op: 'load', personId: other.id, delta: 1 },
            { id: '2.4', at: t, op: 'assigned', personId: mod.id, assignedAt: t },
          ],
        },
      },
    );
    await people.updateOne({ _id: mod.id }, { $inc: { openTickets: 1 }, $push: { loadOps: `${ticket.id}:2.2` } });
    await Promise.all([a.recover(at(2 * HOUR)), b.recover(at(2 * HOUR)), a.recover(at(2 * HOUR))]);
    expect(await a.getPerson(mod.id)).toMatchObject({ openTickets: 1, lastAssignedAt: at(HOUR), version: mod.version });
    expect((await a.getPerson(other.id))?.openTickets).toBe(1);
    expect((await a.getJobByKey('ticket/assigned:1:2'))?.state).toBe('pending');
    expect((await a.getJobByKey(`ticket/filed:${ticket.id}`))?.state).toBe('cancelled');
    expect((await tickets.findOne({ _id: ticket.id }))?.outbox).toEqual([]);
    await a.recover(at(3 * HOUR));
    expect((await a.getPerson(other.id))?.openTickets).toBe(1);
  });

  it('a retried filing with the same idempotency key finishes the crashed one instead of filing twice', async () => {
    const { a, tickets } = await setup('idempotent');
    const crashed = { ...halfCreated('crashed-3', at()), idempotencyKey: 'slack:evt-9', pendingSince: new Date(at()) };
    await tickets.insertOne(crashed);
    // The retry first gives a possibly live creator a few seconds to finish; nobody does, so it finishes the ticket itself.
    const retried = await a.createTicket(newTicket({ idempotencyKey: 'slack:evt-9' }), []);
    expect(retried).toMatchObject({ created: false, ticket: { id: 'crashed-3', ref: 1 } });
    expect(await a.getJobByKey('ticket/filed:crashed-3')).not.toBeNull();
    expect(await a.countTickets({})).toBe(1);
  });
});
