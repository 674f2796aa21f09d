/**
 * The audit record and saved replies on MongoDB. Each is one collection of
 * single documents. An audit entry's id is its `_id`, so writing it again
 * (an outbox entry applied twice, a retried save) changes nothing.
 * Ticket saves write their entries through the ticket's outbox (see
 * outbox.ts), so they are as durable as the save; person changes and
 * saved-reply edits write them right after the change, as MongoDB has no
 * transaction across documents here.
 */
import { AUDIT_ACTIONS, type AuditEntry, type AuditQuery, type SavedReply } from '../../core/index.js';
import { isDuplicateKey } from './errors.js';
import { date } from './mapping.js';
import type { AuditDoc, Models, SavedReplyDoc } from './models.js';

export class MongoAudit {
  constructor(private readonly m: Models) {}

  async write(entries: readonly AuditEntry[]): Promise<void> {
    for (const e of entries) {
      try {
        await this.m.audit.create(auditDoc(e));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  async has(id: string): Promise<boolean> {
    return (await this.m.audit.exists({ _id: id })) !== null;
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    if (q.limit !== undefined && q.limit <= 0) return [];
    let find = this.m.audit.find(filterOf(q)).sort({ at: -1, _id: -1 }).skip(q.offset ?? 0);
    if (q.limit !== undefined) find = find.limit(q.limit);
    return (await find.lean()).map(toAuditEntry);
  }

  async count(q: AuditQuery): Promise<number> {
    return this.m.audit.countDocuments(filterOf(q)).exec();
  }

  /** Every entry in the order written (time, then id), for copying a store. */
  async *all(): AsyncGenerator<AuditEntry> {
    for await (const doc of this.m.audit.find({}).sort({ at: 1, _id: 1 }).lean().cursor()) yield toAuditEntry(doc);
  }

  async reply(name: string): Promise<SavedReply | null> {
    const doc = await this.m.savedReplies.findById(name).lean();
    return doc ? toReply(doc) : null;
  }

  async replies(): Promise<SavedReply[]> {
    return (await this.m.savedReplies.find({}).sort({ _id: 1 }).lean()).map(toReply);
  }

  async putReply(reply: SavedReply, audit: readonly AuditEntry[]): Promise<void> {
    const doc: SavedReplyDoc = { _id: reply.name, text: reply.text, createdBy: reply.createdBy, createdAt: date(reply.createdAt), updatedAt: date(reply.updatedAt) };
    await this.m.savedReplies.replaceOne({ _id: reply.name }, doc, { upsert: true });
    await this.write(audit);
  }

  async deleteReply(name: string, audit: readonly AuditEntry[]): Promise<boolean> {
    const r = await this.m.savedReplies.deleteOne({ _id: name });
    if (r.deletedCount !== 1) return false;
    await this.write(audit);
    return true;
  }
}

function filterOf(q: AuditQuery): Record<string, unknown> {
  return q.involving === undefined ? {} : { $or: [{ actorId: q.involving }, { subjectId: q.involving }] };
}

export function auditDoc(e: AuditEntry): AuditDoc {
  return { _id: e.id, at: date(e.at), actorId: e.actorId, action: e.action, ticketId: e.ticketId, ref: e.ref, subjectId: e.subjectId, detail: e.detail };
}

function toAuditEntry(doc: AuditDoc): AuditEntry {
  const action = AUDIT_ACTIONS.find((a) => a === doc.action);
  if (!action || !(doc.at instanceof Date)) throw new Error(`audit document ${doc._id} is invalid`);
  return { id: doc._id, at: doc.at.toISOString(), actorId: doc.actorId, action, ticketId: doc.ticketId ?? null, ref: doc.ref ?? null, subjectId: doc.subjectId ?? null, detail: doc.detail };
}

function toReply(doc: SavedReplyDoc): SavedReply {
  return { name: doc._id, text: doc.text, createdBy: doc.createdBy, createdAt: doc.createdAt.toISOString(), updatedAt: doc.updatedAt.toISOString() };
}
