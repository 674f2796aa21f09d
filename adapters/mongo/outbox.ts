/**
 * Side effects of a ticket save, kept inside the ticket document.
 *
 * MongoDB makes one document change atomic; a save touches several (the
 * ticket, jobs, the assignees' load counts). Rather than a multi-document
 * transaction (which needs a replica set), a save writes the ticket
 * together with the list of its side effects, `outbox`, in one atomic
 * update. Only then are the entries applied, in order, and removed. Every
 * entry is idempotent, so applying it twice (a crash between applying and
 * removing, or a recovery sweep racing the saver) changes nothing:
 * - `job` enqueues by key, and enqueueing an existing key is a no-op;
 * - `cancel` cancels unfinished jobs by key;
 * - `load` is `$inc` guarded by the entry's id in the person's `loadOps`;
 * - `assigned` is `$max` of the assignment time;
 * - `audit` inserts the entry by its id, and an existing id is left alone;
 * - `history` inserts the save's new history entries by `<ticket>:<seq>`,
 *   and an existing one is left alone (see history.ts). It comes first, so
 *   whatever a job of the same save reads finds the entries in place; until
 *   it is applied, reads take the entries from the outbox itself.
 * Entries of one ticket apply in save order, so a timer enqueued by one
 * save and cancelled by the next is never resurrected. A save that fails
 * its version check writes nothing, so nothing of it ever applies.
 */
import type { AuditEntry, HistoryEntry, Iso, LoadDelta, Logger, NewJob } from '../../core/index.js';
import { MongoAudit } from './audit.js';
import { MongoHistory } from './history.js';
import type { MongoJobs } from './jobs.js';
import { date, json, plain } from './mapping.js';
import type { Models, OutboxEntry } from './models.js';

/** How many applied load changes a person remembers; far more than can ever be in flight. */
const LOAD_OPS_KEPT = 200;

export interface SideEffects {
  readonly jobs?: readonly NewJob[];
  readonly cancelJobKeys?: readonly string[];
  readonly loadDeltas?: readonly LoadDelta[];
  readonly assignedAt?: { readonly personId: string; readonly at: Iso };
  readonly audit?: readonly AuditEntry[];
  /** The save's new history entries, at positions `from`, `from + 1`, … */
  readonly history?: { readonly from: number; readonly entries: readonly HistoryEntry[] };
}

/** The entries for one save; ids are `<new version>.<n>`, unique within the ticket. */
export function outboxEntries(version: number, now: Iso, effects: SideEffects): OutboxEntry[] {
  const at = date(now);
  const out: OutboxEntry[] = [];
  const id = () => `${version}.${out.length}`;
  if (effects.history && effects.history.entries.length > 0) out.push({ id: id(), at, op: 'history', from: effects.history.from, entries: plain([...effects.history.entries]) });
  for (const j of effects.jobs ?? []) out.push({ id: id(), at, op: 'job', name: j.name, key: j.key, data: json(j.data), runAt: date(j.runAt) });
  if (effects.cancelJobKeys?.length) out.push({ id: id(), at, op: 'cancel', keys: [...effects.cancelJobKeys] });
  for (const d of effects.loadDeltas ?? []) if (d.delta !== 0) out.push({ id: id(), at, op: 'load', personId: d.personId, delta: d.delta });
  if (effects.assignedAt) out.push({ id: id(), at, op: 'assigned', personId: effects.assignedAt.personId, assignedAt: date(effects.assignedAt.at) });
  for (const e of effects.audit ?? []) out.push({ id: id(), at, op: 'audit', entry: JSON.stringify(e) });
  return out;
}

export class Outbox {
  private readonly audit: MongoAudit;
  private readonly history: MongoHistory;
  constructor(
    private readonly m: Models,
    private readonly jobs: MongoJobs,
  ) {
    this.audit = new MongoAudit(m);
    this.history = new MongoHistory(m);
  }

  /** Applies `entries` of the ticket in order, then removes them from it. */
  async apply(ticketId: string, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const entry of entries) await this.applyOne(ticketId, entry);
    await this.m.tickets.updateOne({ _id: ticketId }, { $pull: { outbox: { id: { $in: entries.map((e) => e.id) } } } });
  }

  /**
   * Applies entries but never fails the caller: the save is already durable,
   * and whatever is left is applied by the recovery sweep.
   */
  async applySafely(ticketId: string, entries: readonly OutboxEntry[], logger: Logger): Promise<void> {
    try {
      await this.apply(ticketId, entries);
    } catch (error) {
      logger.warn({ ticketId, err: error }, 'ticket saved; its follow-up work will be applied by recovery');
    }
  }

  private async applyOne(ticketId: string, e: OutboxEntry): Promise<void> {
    const at = e.at.toISOString();
    switch (e.op) {
      case 'job':
        await this.jobs.enqueue({ name: e.name, key: e.key, data: JSON.parse(e.data) as Record<string, unknown>, runAt: e.runAt.toISOString() }, at);
        return;
      case 'cancel':
        await this.jobs.cancel(e.keys, at);
        return;
      case 'load': {
        const opId = `${ticketId}:${e.id}`;
        await this.m.people.updateOne(
          { _id: e.personId, loadOps: { $ne: opId } },
          { $inc: { openTickets: e.delta }, $push: { loadOps: { $each: [opId], $slice: -LOAD_OPS_KEPT } } },
        );
        return;
      }
      case 'assigned':
        await this.m.people.updateOne({ _id: e.personId }, { $max: { lastAssignedAt: e.assignedAt } });
        return;
      case 'audit':
        await this.audit.write([JSON.parse(e.entry) as AuditEntry]);
        return;
      case 'history':
        await this.history.append(ticketId, e.from, e.entries);
        return;
    }
  }
}
