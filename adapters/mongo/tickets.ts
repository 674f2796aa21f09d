/**
 * Tickets on MongoDB, without multi-document transactions.
 *
 * Creation, in this order, so a crash at any point loses nothing and never
 * shows half a ticket:
 * 1. Insert the ticket without a ref, with `pendingSince` and its jobs in
 *    `outbox`. A duplicate id or idempotency key fails here, before a ref
 *    is consumed, so failed creations leave no gap in the refs.
 * 2. Take the next ref from the counter document with `$inc` and set it on
 *    the ticket (only if it still has none). Tickets without a ref are
 *    invisible to every read.
 * 3. Apply the outbox (see outbox.ts).
 * A crash after 1 leaves a ticket the recovery sweep (or a retried delivery
 * with the same idempotency key) finishes; a crash between the `$inc` and
 * setting the ref costs one ref number, the only way a gap can appear.
 *
 * Updates are one findOneAndUpdate guarded by the expected version (and
 * the stored history length) that writes the ticket and appends the save's
 * side effects to its outbox, its new history entries first. The history
 * itself is in ticket_history (see history.ts); a ticket document carries
 * only its length, so it stays small.
 */
import { HistoryShortenedError, PRIORITY_RANK, VersionConflict, newTicketRecord, type NewTicket, type Ticket } from '../../core/index.js';
import type { CreatedTicket, Logger, NewJob, TicketQuery, TicketUpdate } from '../../core/index.js';
import type { TicketChangeCursor } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { MongoHistory } from './history.js';
import { date, plain, ticketFields, toTicket } from './mapping.js';
import type { Models, TicketDoc } from './models.js';
import { type Outbox, outboxEntries } from './outbox.js';

export const REF_COUNTER = 'ticketRef';
const HAS_REF = { ref: { $exists: true } };
/** How long a creation may stay unfinished before others finish it for its creator. */
const CREATION_GRACE_MS = 5_000;

export class MongoTickets {
  /** The tickets' history entries (see history.ts). */
  readonly history: MongoHistory;
  constructor(
    private readonly m: Models,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {
    this.history = new MongoHistory(m);
  }

  async create(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket> {
    const key = input.idempotencyKey;
    if (key !== undefined) {
      const earlier = await this.m.tickets.findOne({ idempotencyKey: key }).lean();
      if (earlier) return { ticket: await this.finished(earlier), created: false };
    }
    const record = newTicketRecord(input, 0);
    const doc: TicketDoc = {
      _id: input.id,
      ...ticketFields(record),
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      pendingSince: date(input.createdAt),
      // The `filed` entry travels like every save's entries: in the outbox, applied after the ref is set.
      outbox: outboxEntries(1, input.createdAt, { history: { from: 0, entries: record.history }, jobs }),
    };
    try {
      await this.m.tickets.create(doc);
    } catch (error) {
      if (key !== undefined && isDuplicateKey(error, 'idempotencyKey')) {
        const earlier = await this.m.tickets.findOne({ idempotencyKey: key }).lean();
        if (earlier) return { ticket: await this.finished(earlier), created: false };
      }
      if (isDuplicateKey(error, '_id')) throw new Error(`ticket ${input.id} already exists`, { cause: error });
      throw error;
    }
    const created = await this.assignRef(input.id);
    await this.outbox.applySafely(input.id, doc.outbox, this.logger);
    const ticket = toTicket(created, plain([...record.history]));
    this.history.remember(ticket.id, ticket.version, ticket.history.length);
    return { ticket, created: true };
  }

  async get(id: string): Promise<Ticket | null> {
    const doc = await this.m.tickets.findOne({ _id: id, ...HAS_REF }).lean();
    return doc ? this.history.ticket(doc) : null;
  }

  /** Only a ticket whose creation finished (it has its ref). */
  async getByIdempotencyKey(key: string): Promise<Ticket | null> {
    const doc = await this.m.tickets.findOne({ idempotencyKey: key, ...HAS_REF }).lean();
    return doc ? this.history.ticket(doc) : null;
  }

  async getByRef(ref: number): Promise<Ticket | null> {
    const doc = await this.m.tickets.findOne({ ref }).lean();
    return doc ? this.history.ticket(doc) : null;
  }

  /**
   * Saves `next` and appends its history entries past the stored ones. The
   * update is guarded by the stored history length as well as by the
   * version, so the entries sent are exactly the new ones. The length is
   * the one this process last read at that version (a ticket is read before
   * it is saved), or read now; a remembered length that no longer holds only
   * costs that read. A history shorter than the stored one is a bug in the
   * caller (entries are never taken back) and is refused before anything is
   * written.
   */
  async update(next: Ticket, update: TicketUpdate): Promise<Ticket> {
    const remembered = this.history.lengthAt(next.id, update.expectedVersion);
    if (remembered !== undefined && next.history.length >= remembered) {
      const saved = await this.saveOver(next, update, remembered);
      if (saved) return saved;
    }
    const stored = await this.storedLength(next.id, update.expectedVersion);
    if (next.history.length < stored) throw new HistoryShortenedError(next.id, stored, next.history.length);
    const saved = await this.saveOver(next, update, stored);
    if (saved) return saved;
    if (!(await this.m.tickets.exists({ _id: next.id, ...HAS_REF }))) throw new Error(`ticket ${next.id} does not exist`);
    throw new VersionConflict('ticket', next.id);
  }

  /** The stored history length at `expectedVersion`; VersionConflict when the ticket is at another version. */
  private async storedLength(id: string, expectedVersion: number): Promise<number> {
    let current = await this.m.tickets.findOne({ _id: id, ...HAS_REF }, { version: 1, historyLength: 1, history: 1 }).lean();
    if (current && current.version === expectedVersion && current.historyLength === undefined) {
      // Written by a release that embedded the history (open moves those): move this one now.
      await this.history.moveEmbedded(current);
      current = await this.m.tickets.findOne({ _id: id, ...HAS_REF }, { version: 1, historyLength: 1 }).lean();
    }
    if (!current) throw new Error(`ticket ${id} does not exist`);
    if (current.version !== expectedVersion || current.historyLength === undefined) throw new VersionConflict('ticket', id);
    return current.historyLength;
  }

  /** The guarded update over `stored` entries; null when the ticket is not at that version and length. */
  private async saveOver(next: Ticket, update: TicketUpdate, stored: number): Promise<Ticket | null> {
    const version = update.expectedVersion + 1;
    const added = next.history.slice(stored);
    const entries = outboxEntries(version, next.updatedAt, { ...update, history: { from: stored, entries: added } });
    const doc = await this.m.tickets
      .findOneAndUpdate(
        { _id: next.id, version: update.expectedVersion, historyLength: stored, ...HAS_REF },
        { $set: ticketFields({ ...next, version }), ...(entries.length > 0 ? { $push: { outbox: { $each: entries } } } : {}) },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) return null;
    this.history.remember(next.id, version, next.history.length);
    // Earlier saves' leftovers go first, so side effects apply in save order.
    await this.outbox.applySafely(next.id, doc.outbox, this.logger);
    // The entries before `stored` are the caller's copy of what was read; only the new ones need the stored shape.
    return toTicket(doc, [...next.history.slice(0, stored), ...plain(added)]);
  }

  async list(query: TicketQuery): Promise<Ticket[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const sort =
      query.order === 'queue' ? { priorityRank: 1, createdAt: 1, ref: 1 } : query.order === 'updated' ? { updatedAt: -1, ref: -1 } : { ref: query.order === 'oldest' ? 1 : -1 };
    let q = this.m.tickets
      .find(ticketFilter(query))
      .sort(sort as Record<string, 1 | -1>)
      .skip(query.offset ?? 0);
    if (query.limit !== undefined) q = q.limit(query.limit);
    return this.history.tickets(await q.lean());
  }

  async count(query: TicketQuery): Promise<number> {
    return this.m.tickets.countDocuments(ticketFilter(query));
  }

  async listResolved(afterRef: number, limit: number): Promise<Ticket[]> {
    if (limit <= 0) return [];
    const docs = await this.m.tickets.find({ status: 'DONE', ref: { $gt: afterRef } }).sort({ ref: 1 }).limit(limit).lean();
    return this.history.tickets(docs);
  }

  /** See Store.listResolvedChanges; walks the { updatedAt, _id } index. */
  async listResolvedChanges(after: TicketChangeCursor | null, limit: number): Promise<Ticket[]> {
    if (limit <= 0) return [];
    const resolvedOnce = { $or: [{ status: 'DONE' }, { resolution: { $ne: null } }] };
    const later = after
      ? { $or: [{ updatedAt: { $gt: new Date(after.updatedAt) } }, { updatedAt: new Date(after.updatedAt), _id: { $gt: after.id } }] }
      : {};
    const docs = await this.m.tickets
      .find({ $and: [resolvedOnce, later] })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .lean();
    return this.history.tickets(docs);
  }

  /**
   * Finishes creations and applies side effects a crashed process left
   * behind, older than `graceMs` before `now`. Safe to run anywhere, any
   * time, in any number of processes.
   */
  async recover(now: Date, graceMs: number, batch = 50): Promise<number> {
    const cutoff = new Date(now.getTime() - graceMs);
    const stuck = await this.m.tickets
      .find({ $or: [{ pendingSince: { $lte: cutoff } }, { 'outbox.at': { $lte: cutoff } }] })
      .limit(batch)
      .lean();
    for (const doc of stuck) await this.finishCreation(doc);
    return stuck.length;
  }

  /** The ticket behind an idempotency key, waiting for (or finishing) its creation. */
  private async finished(doc: TicketDoc): Promise<Ticket> {
    const id = doc._id;
    const deadline = Date.now() + CREATION_GRACE_MS;
    let current: TicketDoc | null = doc;
    for (let pause = 5; current && current.ref === undefined && Date.now() < deadline; pause = Math.min(pause * 2, 200)) {
      await new Promise((r) => setTimeout(r, pause));
      current = await this.m.tickets.findById(id).lean();
    }
    if (!current) throw new Error(`ticket ${id} vanished while it was being created`);
    return current.ref === undefined ? this.finishCreation(current) : this.history.ticket(current);
  }

  private async finishCreation(doc: TicketDoc): Promise<Ticket> {
    const id = doc._id;
    const finished = doc.ref === undefined ? await this.assignRef(id) : doc;
    const fresh = await this.m.tickets.findById(id, { outbox: 1 }).lean();
    await this.outbox.apply(id, fresh?.outbox ?? []);
    // Its outbox as read still holds any entries the apply just wrote: the read is complete either way.
    return this.history.ticket(finished);
  }

  /** Takes the next ref and sets it on the ticket, unless someone already did; returns the document. */
  private async assignRef(id: string): Promise<TicketDoc> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const counter = await this.m.counters.findOneAndUpdate({ _id: REF_COUNTER }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
      const ref = counter?.seq;
      if (ref === undefined) throw new Error('the ticket ref counter could not be read');
      try {
        const doc = await this.m.tickets
          .findOneAndUpdate({ _id: id, ref: { $exists: false } }, { $set: { ref }, $unset: { pendingSince: 1 } }, { returnDocument: 'after' })
          .lean();
        if (doc) return doc;
        // Someone finished this creation first: hand the ref back if nobody took a later one.
        await this.m.counters.updateOne({ _id: REF_COUNTER, seq: ref }, { $inc: { seq: -1 } });
        const done = await this.m.tickets.findOne({ _id: id, ...HAS_REF }).lean();
        if (!done) throw new Error(`ticket ${id} vanished while it was being created`);
        return done;
      } catch (error) {
        if (!isDuplicateKey(error, 'ref')) throw error;
        await this.syncRefCounter();
      }
    }
    throw new Error(`could not allocate a ref for ticket ${id}`);
  }

  /** Tickets stored before the queue order existed get their priority rank (idempotent; run at open). */
  async backfillPriorityRank(): Promise<void> {
    for (const [priority, rank] of Object.entries(PRIORITY_RANK)) {
      await this.m.tickets.updateMany({ priority, priorityRank: { $exists: false } }, { $set: { priorityRank: rank } });
    }
  }

  /**
   * Creates the counter or moves it past the highest ref in use (after a
   * restore or an import). Run at open, so concurrent first filings only
   * ever `$inc` an existing document.
   */
  async syncRefCounter(): Promise<void> {
    const top = await this.m.tickets.findOne(HAS_REF, { ref: 1 }).sort({ ref: -1 }).lean();
    try {
      await this.m.counters.updateOne({ _id: REF_COUNTER }, { $max: { seq: top?.ref ?? 0 } }, { upsert: true });
    } catch (error) {
      // Another process created the counter at the same moment; its value is as good.
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

/** TicketQuery as a MongoDB filter; every field narrows (AND). */
export function ticketFilter(q: TicketQuery): Record<string, unknown> {
  const and: Record<string, unknown>[] = [HAS_REF];
  if (q.statuses !== undefined) and.push({ status: { $in: [...q.statuses] } });
  if (q.priorities !== undefined) and.push({ priority: { $in: [...q.priorities] } });
  if (q.skills !== undefined) and.push({ skills: { $in: [...q.skills] } });
  if (q.requesterId !== undefined) and.push({ requesterId: q.requesterId });
  if (q.assigneeId !== undefined) and.push({ assigneeId: q.assigneeId });
  if (q.assignedToOrUnassigned !== undefined) and.push({ $or: [{ assigneeId: q.assignedToOrUnassigned }, { assigneeId: null }] });
  if (q.createdAfter !== undefined) and.push({ createdAt: { $gte: date(q.createdAfter) } });
  if (q.createdBefore !== undefined) and.push({ createdAt: { $lte: date(q.createdBefore) } });
  if (q.text !== undefined) {
    // Lower-cased copies make the match case-insensitive without relying on the server's Unicode folding.
    const pattern = escapeRegex(q.text.toLowerCase());
    and.push({ $or: [{ titleLower: { $regex: pattern } }, { descriptionLower: { $regex: pattern } }] });
  }
  return { $and: and };
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
