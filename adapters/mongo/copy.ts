/**
 * Bulk export and import of the MongoDB store (the StoreCopy port), for
 * `npm run store:copy`. Import writes each record with one replace keyed by
 * its id, so running a copy twice changes nothing the second time, and a
 * record equal to the stored one is not written at all.
 */
import { isDeepStrictEqual } from 'node:util';
import { Types } from 'mongoose';
import type { ImportOutcome, Job, Person, StoreRecord, StoreRecordKind, Ticket } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { date, encodeStepId, json, personFields, plain, ticketFields, toJob, toPerson, toTicket, waitFields } from './mapping.js';
import type { JobDoc, Models, PersonDoc, TicketDoc } from './models.js';
import type { MongoAudit } from './audit.js';
import type { MongoSmallStores } from './small.js';
import { REF_COUNTER, type MongoTickets } from './tickets.js';

const UNFINISHED = ['pending', 'waiting', 'running'];
/** Tickets read per batch of the export (their histories come in one query per batch). */
const TICKET_BATCH = 100;
const HAS_REF = { ref: { $exists: true } };

export class MongoCopy {
  constructor(
    private readonly m: Models,
    private readonly tickets: MongoTickets,
    private readonly small: MongoSmallStores,
    private readonly audit: MongoAudit,
  ) {}

  async *exportRecords(): AsyncGenerator<StoreRecord> {
    // Apply every pending side effect first, so the export is consistent.
    for (let round = 0; round < 1000 && (await this.tickets.recover(new Date(8.64e15), 0)) > 0; round++);
    for await (const doc of this.m.people.find({}).sort({ createdAt: 1, _id: 1 }).lean().cursor()) {
      yield { kind: 'person', person: toPerson(doc) };
    }
    let batch: TicketDoc[] = [];
    const flush = async () => {
      const tickets = await this.tickets.history.tickets(batch);
      const records = batch.map((doc, i) => ({ kind: 'ticket' as const, ticket: tickets[i] as Ticket, idempotencyKey: doc.idempotencyKey ?? null }));
      batch = [];
      return records;
    };
    for await (const doc of this.m.tickets.find(HAS_REF).sort({ ref: 1 }).lean().cursor()) {
      batch.push(doc);
      if (batch.length >= TICKET_BATCH) yield* await flush();
    }
    yield* await flush();
    for await (const doc of this.m.jobs.find({ state: { $in: UNFINISHED } }).sort({ createdAt: 1, _id: 1 }).lean().cursor()) {
      yield { kind: 'job', job: toJob(doc) };
    }
    for await (const v of this.small.allValues()) yield { kind: 'value', ...v };
    for (const reply of await this.audit.replies()) yield { kind: 'reply', reply };
    for await (const entry of this.audit.all()) yield { kind: 'audit', entry };
  }

  async countRecords(): Promise<Record<StoreRecordKind, number>> {
    const [person, ticket, job, value, reply, audit] = await Promise.all([
      this.m.people.countDocuments({}),
      this.m.tickets.countDocuments(HAS_REF),
      this.m.jobs.countDocuments({ state: { $in: UNFINISHED } }),
      this.m.values.countDocuments({}),
      this.m.savedReplies.countDocuments({}),
      this.m.audit.countDocuments({}),
    ]);
    return { person, ticket, job, value, reply, audit };
  }

  async importRecord(record: StoreRecord): Promise<ImportOutcome> {
    switch (record.kind) {
      case 'person':
        return this.importPerson(record.person);
      case 'ticket':
        return this.importTicket(record.ticket, record.idempotencyKey);
      case 'job':
        return this.importJob(record.job);
      case 'reply': {
        const stored = await this.audit.reply(record.reply.name);
        const wanted = { ...record.reply, createdAt: date(record.reply.createdAt).toISOString(), updatedAt: date(record.reply.updatedAt).toISOString() };
        if (stored && isDeepStrictEqual(stored, wanted)) return 'unchanged';
        await this.audit.putReply(record.reply, []);
        return stored ? 'updated' : 'inserted';
      }
      case 'audit': {
        // Entries never change once written: one with this id is the same entry.
        if (await this.audit.has(record.entry.id)) return 'unchanged';
        await this.audit.write([record.entry]);
        return 'inserted';
      }
      case 'value': {
        const stored = await this.small.getValue(record.namespace, record.key);
        if (stored === record.value) return 'unchanged';
        await this.small.setValue(record.namespace, record.key, record.value);
        return stored === null ? 'inserted' : 'updated';
      }
    }
  }

  private async importPerson(p: Person): Promise<ImportOutcome> {
    const doc: PersonDoc = { _id: p.id, ...personFields(p), loadOps: [] };
    const stored = await this.m.people.findById(p.id).lean();
    if (stored && isDeepStrictEqual(toPerson(stored), toPerson(doc))) return 'unchanged';
    try {
      await this.m.people.replaceOne({ _id: p.id }, { ...doc, loadOps: stored?.loadOps ?? [] }, { upsert: true });
    } catch (error) {
      if (isDuplicateKey(error, 'identities')) throw new Error(`person ${p.id}: one of their identities belongs to another person in the target store`, { cause: error });
      throw error;
    }
    return stored ? 'updated' : 'inserted';
  }

  /**
   * The history goes first (every position replaced, see MongoHistory.replace)
   * and the ticket document after it, so an interrupted import leaves the
   * stored ticket reading as before, or as the copy; running it again
   * finishes the job.
   */
  private async importTicket(t: Ticket, idempotencyKey: string | null): Promise<ImportOutcome> {
    const doc: TicketDoc = { _id: t.id, ref: t.ref, ...ticketFields(t), ...(idempotencyKey !== null ? { idempotencyKey } : {}), outbox: [] };
    const stored = await this.m.tickets.findById(t.id).lean();
    const wanted = toTicket(doc, plain([...t.history]));
    const same = stored?.ref !== undefined && (stored.idempotencyKey ?? null) === idempotencyKey && isDeepStrictEqual(await this.tickets.history.ticket(stored), wanted);
    if (!same) {
      const holder = await this.m.tickets.findOne({ ref: t.ref }, { _id: 1 }).lean();
      if (holder && holder._id !== t.id) throw new Error(`ticket ${t.id}: ref #${t.ref} belongs to another ticket in the target store`);
      await this.tickets.history.replace(t.id, wanted.history);
      try {
        await this.m.tickets.replaceOne({ _id: t.id }, doc, { upsert: true });
      } catch (error) {
        if (isDuplicateKey(error, 'ref')) throw new Error(`ticket ${t.id}: ref #${t.ref} belongs to another ticket in the target store`, { cause: error });
        if (isDuplicateKey(error, 'idempotencyKey')) throw new Error(`ticket ${t.id}: its idempotency key belongs to another ticket in the target store`, { cause: error });
        throw error;
      }
    }
    // Tickets filed on the target later are numbered after every copied one.
    await this.m.counters.updateOne({ _id: REF_COUNTER }, { $max: { seq: t.ref } }, { upsert: true });
    if (same) return 'unchanged';
    return stored ? 'updated' : 'inserted';
  }

  /** Jobs are matched by key: ids are each store's own (SQLite numbers them). */
  private async importJob(job: Job): Promise<ImportOutcome> {
    const stored = await this.m.jobs.findOne({ key: job.key }).lean();
    const id = stored?._id ?? ((await this.m.jobs.exists({ _id: job.id })) ? new Types.ObjectId().toHexString() : job.id);
    const doc = jobDoc({ ...job, id });
    if (stored && isDeepStrictEqual(toJob(stored), toJob(doc))) return 'unchanged';
    await this.m.jobs.replaceOne({ _id: id }, doc, { upsert: true });
    return stored ? 'updated' : 'inserted';
  }
}

/** The stored form of a job as exported by any store. */
function jobDoc(job: Job): JobDoc {
  const runAt = date(job.runAt);
  const leaseUntil = job.leaseUntil === null ? null : date(job.leaseUntil);
  const dueAt = job.state === 'running' ? (leaseUntil ?? runAt) : job.state === 'pending' || job.state === 'waiting' ? runAt : undefined;
  const steps: Record<string, string> = {};
  for (const [id, value] of Object.entries(job.steps)) steps[encodeStepId(id)] = json(value);
  return {
    _id: job.id,
    name: job.name,
    key: job.key,
    data: json(job.data),
    state: job.state,
    attempts: job.attempts,
    runAt,
    ...(dueAt !== undefined ? { dueAt } : {}),
    leaseOwner: job.leaseOwner,
    leaseUntil,
    lastError: job.lastError,
    steps,
    wait: waitFields(job.wait),
    createdAt: date(job.createdAt),
    updatedAt: date(job.updatedAt),
  };
}
