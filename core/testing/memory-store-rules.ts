/**
 * Query and scheduling rules of the in-memory store, kept apart from its
 * bookkeeping. Database adapters express the same rules in their query
 * language; the store contract suite checks they agree.
 */
import type { AuditEntry } from '../domain/audit.js';
import { PRIORITY_RANK, type Iso, type Ticket } from '../domain/ticket.js';
import type { Job } from '../ports/jobs.js';
import type { AuditQuery, TicketQuery } from '../ports/store.js';

/** Stored times are normalized so they compare and print the same way in every store. */
export function normalizeIso(iso: Iso): Iso {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO timestamp: ${iso}`);
  return new Date(ms).toISOString();
}

/** Every present filter narrows the result; an empty list matches nothing. */
export function matchesTicketQuery(t: Ticket, q: TicketQuery): boolean {
  if (q.statuses !== undefined && !q.statuses.includes(t.status)) return false;
  if (q.priorities !== undefined && !q.priorities.includes(t.priority)) return false;
  if (q.skills !== undefined && !t.skills.some((s) => q.skills?.includes(s))) return false;
  if (q.requesterId !== undefined && t.requesterId !== q.requesterId) return false;
  if (q.assigneeId !== undefined && t.assigneeId !== q.assigneeId) return false;
  if (q.assignedToOrUnassigned !== undefined && t.assigneeId !== null && t.assigneeId !== q.assignedToOrUnassigned) return false;
  if (q.createdAfter !== undefined && Date.parse(t.createdAt) < Date.parse(q.createdAfter)) return false;
  if (q.createdBefore !== undefined && Date.parse(t.createdAt) > Date.parse(q.createdBefore)) return false;
  if (q.text !== undefined) {
    const needle = q.text.toLowerCase();
    if (!t.title.toLowerCase().includes(needle) && !t.description.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/**
 * Newest first means highest ref first: refs are allocated in filing order.
 * The queue is priority first (HIGH first), then creation time, then ref.
 */
export function ticketOrder(order: TicketQuery['order']): (a: Ticket, b: Ticket) => number {
  if (order === 'queue')
    return (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.ref - b.ref;
  if (order === 'updated') return (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.ref - a.ref;
  return order === 'oldest' ? (a, b) => a.ref - b.ref : (a, b) => b.ref - a.ref;
}

export function matchesAuditQuery(e: AuditEntry, q: AuditQuery): boolean {
  return q.involving === undefined || e.actorId === q.involving || e.subjectId === q.involving;
}

/** Newest first: time, then id (descending). */
export function auditOrder(a: AuditEntry, b: AuditEntry): number {
  return Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** When a job becomes claimable: its runAt, or its lease expiry while running. */
export function jobDueAt(j: Job): Iso {
  return j.state === 'running' && j.leaseUntil !== null ? j.leaseUntil : j.runAt;
}

export function isDueJob(j: Job, nowMs: number): boolean {
  if (j.state !== 'pending' && j.state !== 'waiting' && j.state !== 'running') return false;
  return Date.parse(jobDueAt(j)) <= nowMs;
}
