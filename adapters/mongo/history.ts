/**
 * Ticket history on MongoDB: one document per entry in `ticket_history`,
 * `{ _id: "<ticket id>:<seq>", ticketId, seq, entry }`, appended and never
 * rewritten. The ticket document keeps only `historyLength`, so it stays
 * small however long the conversation grows (a real server refuses a
 * document past 16 MiB, and every save would otherwise ship the lot).
 *
 * A save's new entries travel in its outbox (see outbox.ts) as one
 * `history` entry, written here by id after the atomic ticket update: a
 * duplicate id is an entry already written, so replaying it (recovery, a
 * racing sweep) changes nothing. A read takes the ticket document first,
 * then the entries below its `historyLength`, and fills any still pending
 * from the document's own outbox: complete and consistent right after a
 * save, and after a crash before the entries were applied.
 */
import type { mongo } from 'mongoose';
import type { HistoryEntry, Ticket } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { CorruptDocumentError, plain, toTicket } from './mapping.js';
import type { HistoryDoc, Models, OutboxEntry, TicketDoc } from './models.js';

/** Entries per insert command and per cursor batch: a few MB at most with long messages. */
const BATCH = 1_000;
/** Tickets per history query when a page or an export is read. */
const TICKETS_PER_QUERY = 200;
/** The counters document holding the layout version of this database. */
export const SCHEMA_VERSION = 'schemaVersion';
/** Layout version 1: histories are in ticket_history, none embedded. */
const HISTORY_MOVED = 1;
/** Tickets whose history length is remembered; past it the memory starts over. */
const REMEMBERED = 10_000;

export class MongoHistory {
  /** The driver's collection, typed with string ids, for the bulk writes mongoose would only slow down. */
  private readonly coll: mongo.Collection<HistoryDoc>;
  /** The history length of tickets as last read or saved here, at their version: saves usually skip a read. */
  private readonly lengths = new Map<string, { readonly version: number; readonly length: number }>();
  constructor(private readonly m: Models) {
    this.coll = m.ticketHistory.collection as unknown as mongo.Collection<HistoryDoc>;
  }

  /** Writes entries `from`, `from + 1`, … of the ticket; those already there are left as they are. */
  async append(ticketId: string, from: number, entries: readonly unknown[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const docs = entries.slice(i, i + BATCH).map((entry, j) => ({ _id: `${ticketId}:${from + i + j}`, ticketId, seq: from + i + j, entry }));
      try {
        await this.coll.insertMany(docs, { ordered: false });
      } catch (error) {
        if (!onlyDuplicates(error)) throw error;
      }
    }
  }

  /**
   * Makes the stored history exactly `entries` (store:copy overwriting a
   * ticket): every position is replaced, and those past the end removed.
   */
  async replace(ticketId: string, entries: readonly unknown[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const ops = entries.slice(i, i + BATCH).map((entry, j) => {
        const seq = i + j;
        return { replaceOne: { filter: { _id: `${ticketId}:${seq}` }, replacement: { ticketId, seq, entry: plain(entry) }, upsert: true } };
      });
      await this.coll.bulkWrite(ops, { ordered: false });
    }
    await this.m.ticketHistory.deleteMany({ ticketId, seq: { $gte: entries.length } });
  }

  /** Remembers that the ticket had `length` entries at `version` (see lengthAt). */
  remember(ticketId: string, version: number, length: number): void {
    if (this.lengths.size >= REMEMBERED && !this.lengths.has(ticketId)) this.lengths.clear();
    this.lengths.set(ticketId, { version, length });
  }

  /**
   * The history length last seen at exactly this version, if any. A hint
   * only: a save guarded by it falls back to reading the length when the
   * ticket moved on.
   */
  lengthAt(ticketId: string, version: number): number | undefined {
    const known = this.lengths.get(ticketId);
    return known?.version === version ? known.length : undefined;
  }

  /** Removes a ticket's history (the ticket was withdrawn). */
  async remove(ticketId: string): Promise<void> {
    await this.m.ticketHistory.deleteMany({ ticketId });
  }

  /** The ticket of one stored document, history attached. */
  async ticket(doc: TicketDoc): Promise<Ticket> {
    const [t] = await this.tickets([doc]);
    if (!t) throw new Error(`ticket ${doc._id} could not be read`);
    return t;
  }

  /** The tickets of stored documents, in their order, histories read a batch of tickets per query. */
  async tickets(docs: readonly TicketDoc[]): Promise<Ticket[]> {
    const out: Ticket[] = [];
    for (let i = 0; i < docs.length; i += TICKETS_PER_QUERY) {
      const page = docs.slice(i, i + TICKETS_PER_QUERY);
      const stored = await this.storedEntries(page);
      for (const doc of page) {
        if (Array.isArray(doc.history)) {
          // Still embedded (stored by an earlier release): the document's own array, checked as before.
          out.push(toTicket(doc));
          continue;
        }
        const ticket = toTicket(doc, complete(doc, stored.get(doc._id)));
        this.remember(ticket.id, ticket.version, ticket.history.length);
        out.push(ticket);
      }
    }
    return out;
  }

  /** Entries below each document's historyLength, by ticket id and position. */
  private async storedEntries(docs: readonly TicketDoc[]): Promise<Map<string, unknown[]>> {
    const wanted = docs.filter((d) => !Array.isArray(d.history) && (d.historyLength ?? 0) > 0);
    const byTicket = new Map<string, unknown[]>();
    if (wanted.length === 0) return byTicket;
    const lengths = new Map(wanted.map((d) => [d._id, d.historyLength ?? 0]));
    const only = wanted[0];
    const filter = wanted.length === 1 && only ? { ticketId: only._id, seq: { $lt: only.historyLength ?? 0 } } : { ticketId: { $in: [...lengths.keys()] } };
    const cursor = this.m.ticketHistory.find(filter, { ticketId: 1, seq: 1, entry: 1 }).sort({ ticketId: 1, seq: 1 }).lean().cursor({ batchSize: BATCH });
    for await (const h of cursor) {
      const length = lengths.get(h.ticketId) ?? 0;
      if (typeof h.seq !== 'number' || h.seq < 0 || h.seq >= length) continue;
      let entries = byTicket.get(h.ticketId);
      if (!entries) byTicket.set(h.ticketId, (entries = new Array<unknown>(length)));
      entries[h.seq] = h.entry;
    }
    return byTicket;
  }

  /**
   * Moves histories embedded in ticket documents (as releases before
   * ticket_history stored them) into ticket_history, a batch at a time,
   * then records the layout version so later starts skip the scan. Safe to
   * interrupt and to run in two processes at once: entries are written by
   * id, and a document loses its array only at the version it was read at.
   */
  async migrateEmbedded(): Promise<number> {
    const version = await this.m.counters.findById(SCHEMA_VERSION).lean();
    if ((version?.seq ?? 0) >= HISTORY_MOVED) return 0;
    let moved = 0;
    for (let round = 0; round < 10; round++) {
      let seen = 0;
      const cursor = this.m.tickets.find({ history: { $exists: true } }, { _id: 1, version: 1, history: 1 }).lean().cursor({ batchSize: 50 });
      for await (const doc of cursor) {
        seen++;
        if (await this.moveEmbedded(doc)) moved++;
      }
      if (seen === 0) {
        try {
          await this.m.counters.updateOne({ _id: SCHEMA_VERSION }, { $max: { seq: HISTORY_MOVED } }, { upsert: true });
        } catch (error) {
          // Another process recorded it at the same moment.
          if (!isDuplicateKey(error)) throw error;
        }
        break;
      }
    }
    return moved;
  }

  /**
   * Moves one document's embedded history out (see migrateEmbedded); true
   * when this call did it. The entries are written before the array goes,
   * so a crash in between leaves the history readable and the move redone.
   */
  async moveEmbedded(doc: Pick<TicketDoc, '_id' | 'version' | 'history'>): Promise<boolean> {
    const entries = Array.isArray(doc.history) ? doc.history : [];
    await this.append(doc._id, 0, plain(entries));
    const res = await this.m.tickets.updateOne({ _id: doc._id, version: doc.version, history: { $exists: true } }, { $unset: { history: 1 }, $set: { historyLength: entries.length } });
    return res.modifiedCount === 1;
  }
}

/** The entries below historyLength: stored ones, and those a save's outbox still carries. */
function complete(doc: TicketDoc, stored: unknown[] | undefined): HistoryEntry[] {
  const length = doc.historyLength ?? 0;
  const entries = stored ?? new Array<unknown>(length);
  for (const e of doc.outbox ?? []) {
    if ((e as OutboxEntry).op !== 'history') continue;
    const h = e as Extract<OutboxEntry, { op: 'history' }>;
    h.entries.forEach((entry, i) => {
      const seq = h.from + i;
      if (seq < length && entries[seq] === undefined) entries[seq] = entry;
    });
  }
  for (let seq = 0; seq < length; seq++) if (entries[seq] === undefined) throw new CorruptDocumentError('tickets', doc._id, `history (entry ${seq} of ${length} is missing)`);
  // Read lean, entries are plain already (they were stored JSON-shaped).
  return entries as HistoryEntry[];
}

/** True when every write error of an insert is a duplicate key (entries already written). */
function onlyDuplicates(error: unknown): boolean {
  const e = error as { code?: unknown; writeErrors?: unknown; writeConcernError?: unknown; result?: { writeConcernErrors?: unknown[] } };
  if (e.writeConcernError || (e.result?.writeConcernErrors?.length ?? 0) > 0) return false;
  const list = Array.isArray(e.writeErrors) ? (e.writeErrors as { code?: unknown }[]) : e.writeErrors ? [e.writeErrors as { code?: unknown }] : [];
  if (list.length === 0) return isDuplicateKey(error);
  return list.every((w) => w.code === 11000);
}
