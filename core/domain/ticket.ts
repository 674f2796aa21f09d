import { fail, ok, type Result } from './errors.js';

export const TICKET_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 8000;
export const NOTE_MAX = 4000;

/** ISO-8601 timestamp. Domain objects stay JSON-safe so workflow steps can memoize them. */
export type Iso = string;

/** Where a ticket came from and where conversation about it happens on that platform. */
export interface Origin {
  readonly platform: string;
  /** Platform-specific place to reply (channel id, DM id); absent for the console. */
  readonly channelId?: string;
  /** Permalink to a message the ticket was created from. */
  readonly messageLink?: string;
  /** The platform's id of the message the ticket was filed from (Slack ts, Discord message id), for channel intake. */
  readonly messageId?: string;
}

/** A resolved ticket that resembles this one, shown to the moderator. */
export interface SimilarTicket {
  readonly ticketId: string;
  readonly ref: number;
  readonly title: string;
  readonly resolution: string;
  readonly score: number;
}

/** Which engine triaged the ticket, for the history and the moderator's card. */
export interface TriageStamp {
  readonly engine: string;
  readonly model?: string;
  readonly confidence?: number;
}

/** Why a ticket went to someone, recorded in the history. */
export interface AssignmentReason {
  readonly rule: 'skills' | 'desk-fallback' | 'load-fallback' | 'admin-fallback' | 'manual' | 'escalation' | 'claim';
  readonly matchedSkills: readonly string[];
  readonly load: number;
  readonly text: string;
}

export type HistoryEntry =
  | { readonly type: 'filed'; readonly at: Iso; readonly actorId: string }
  | { readonly type: 'triaged'; readonly at: Iso; readonly engine: string; readonly model?: string }
  | { readonly type: 'assigned'; readonly at: Iso; readonly actorId: string | null; readonly assigneeId: string; readonly reason: AssignmentReason }
  | { readonly type: 'unassigned'; readonly at: Iso; readonly reason: string }
  | { readonly type: 'started'; readonly at: Iso; readonly actorId: string }
  /** `auto`: closed by the helpdesk itself (`no-reply`: the requester did not answer staff's question in time). */
  | { readonly type: 'resolved'; readonly at: Iso; readonly actorId: string; readonly note: string; readonly auto?: 'no-reply' }
  | { readonly type: 'reassigned'; readonly at: Iso; readonly actorId: string | null; readonly fromId: string | null; readonly toId: string | null; readonly reason: AssignmentReason | null }
  | { readonly type: 'reopened'; readonly at: Iso; readonly actorId: string }
  /** `savedReply`: the name of the saved reply the text came from, when it did. */
  | { readonly type: 'message'; readonly at: Iso; readonly actorId: string; readonly text: string; readonly savedReply?: string }
  /** Staff-only: never shown, relayed or sent to the requester (see isStaffOnly). */
  | { readonly type: 'note'; readonly at: Iso; readonly actorId: string; readonly text: string }
  /** `sla`: which service level was missed (absent: first response, as recorded before there were several). */
  | { readonly type: 'reminded'; readonly at: Iso; readonly assigneeId: string; readonly sla?: SlaKind }
  | { readonly type: 'escalated'; readonly at: Iso; readonly reason: string; readonly sla?: SlaKind }
  /** The requester was reminded that staff wait for their answer. */
  | { readonly type: 'nudged'; readonly at: Iso }
  /** Staff turned waiting-on-requester reminders and auto-close off (`on: true`) or back on. */
  | { readonly type: 'held'; readonly at: Iso; readonly actorId: string; readonly on: boolean }
  /** The requester's rating of the latest resolution; a later one replaces it. */
  | { readonly type: 'rated'; readonly at: Iso; readonly actorId: string; readonly rating: Rating; readonly comment?: string }
  | { readonly type: 'triage-corrected'; readonly at: Iso; readonly actorId: string; readonly changes: readonly TriageChange[] };

/** The service levels the helpdesk measures (see core/policies/sla.ts). */
export type SlaKind = 'first-response' | 'next-response' | 'resolution';

/** A requester's satisfaction with a resolution: 👍 or 👎. */
export type Rating = 'good' | 'bad';

/** One field staff changed on a ticket's triage, as the history shows it. */
export interface TriageChange {
  readonly field: 'priority' | 'category' | 'skills';
  readonly from: string;
  readonly to: string;
}

export type HistoryType = HistoryEntry['type'];

/** History entries only staff may read: internal notes. Requesters' views and notices drop them. */
export function isStaffOnly(entry: HistoryEntry): boolean {
  return entry.type === 'note';
}

/** Queue order of priorities: HIGH first. Stores index this rank to sort the queue. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export interface Ticket {
  readonly id: string;
  /** Human reference, shown as `#<ref>`, allocated in sequence by the store. */
  readonly ref: number;
  readonly title: string;
  readonly description: string;
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly category: string;
  readonly skills: readonly string[];
  readonly summary: string;
  /** Helpful notes for the moderator; never shown to the requester. */
  readonly notes: string;
  readonly suggestedFix: string | null;
  readonly similar: readonly SimilarTicket[];
  readonly triage: TriageStamp | null;
  readonly requesterId: string;
  readonly assigneeId: string | null;
  /** Why nobody is assigned, when that is the case after assignment ran. */
  readonly unassignedReason: string | null;
  readonly origin: Origin;
  readonly resolution: string | null;
  readonly createdAt: Iso;
  readonly updatedAt: Iso;
  readonly startedAt: Iso | null;
  readonly resolvedAt: Iso | null;
  /** Incremented on every save; stores reject a save made against a stale version. */
  readonly version: number;
  readonly history: readonly HistoryEntry[];
}

/** What a store needs to create a ticket; it allocates id-independent `ref`. */
export interface NewTicket {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly requesterId: string;
  readonly origin: Origin;
  readonly priority: Priority;
  readonly createdAt: Iso;
  /** Retried deliveries carrying the same key return the first ticket instead of a new one. */
  readonly idempotencyKey?: string;
}

export function newTicketRecord(input: NewTicket, ref: number): Ticket {
  return {
    id: input.id,
    ref,
    title: input.title,
    description: input.description,
    status: 'TODO',
    priority: input.priority,
    category: 'general',
    skills: [],
    summary: '',
    notes: '',
    suggestedFix: null,
    similar: [],
    triage: null,
    requesterId: input.requesterId,
    assigneeId: null,
    unassignedReason: null,
    origin: input.origin,
    resolution: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    startedAt: null,
    resolvedAt: null,
    version: 1,
    history: [{ type: 'filed', at: input.createdAt, actorId: input.requesterId }],
  };
}

export function isOpen(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status !== 'DONE';
}

export function formatRef(ref: number): string {
  return `#${ref}`;
}

/** Parses `#12`, `12` or ` # 12 ` into a ref; anything else is rejected. */
export function parseRef(raw: string): number | null {
  const m = /^\s*#?\s*(\d{1,9})\s*$/.exec(raw);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

function touch(ticket: Ticket, at: Iso, entry: HistoryEntry, patch: Partial<Ticket>): Ticket {
  return { ...ticket, ...patch, updatedAt: at, history: [...ticket.history, entry] };
}

export interface TriageOutcome {
  readonly summary: string;
  readonly category: string;
  readonly priority: Priority;
  readonly skills: readonly string[];
  readonly notes: string;
  readonly suggestedFix: string | null;
  readonly similar: readonly SimilarTicket[];
  readonly stamp: TriageStamp;
}

export function applyTriage(ticket: Ticket, triage: TriageOutcome, at: Iso): Ticket {
  const entry: HistoryEntry = triage.stamp.model
    ? { type: 'triaged', at, engine: triage.stamp.engine, model: triage.stamp.model }
    : { type: 'triaged', at, engine: triage.stamp.engine };
  return touch(ticket, at, entry, {
    summary: triage.summary,
    category: triage.category,
    priority: triage.priority,
    skills: [...triage.skills],
    notes: triage.notes,
    suggestedFix: triage.suggestedFix,
    similar: [...triage.similar],
    triage: triage.stamp,
  });
}

/** First assignment, or a change of assignee (reassignment). */
export function assign(ticket: Ticket, assigneeId: string, reason: AssignmentReason, actorId: string | null, at: Iso): Ticket {
  const entry: HistoryEntry =
    ticket.assigneeId === null && !ticket.history.some((h) => h.type === 'assigned')
      ? { type: 'assigned', at, actorId, assigneeId, reason }
      : { type: 'reassigned', at, actorId, fromId: ticket.assigneeId, toId: assigneeId, reason };
  return touch(ticket, at, entry, { assigneeId, unassignedReason: null });
}

export function leaveUnassigned(ticket: Ticket, reason: string, actorId: string | null, at: Iso): Ticket {
  const entry: HistoryEntry =
    ticket.assigneeId === null
      ? { type: 'unassigned', at, reason }
      : { type: 'reassigned', at, actorId, fromId: ticket.assigneeId, toId: null, reason: null };
  return touch(ticket, at, entry, { assigneeId: null, unassignedReason: reason });
}

export function start(ticket: Ticket, actorId: string, at: Iso): Result<Ticket> {
  if (ticket.status === 'IN_PROGRESS') return fail('TICKET.ALREADY_STARTED', `Ticket #${ticket.ref} is already in progress.`);
  if (ticket.status === 'DONE') return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is already resolved. Reopen it first.`);
  return ok(touch(ticket, at, { type: 'started', at, actorId }, { status: 'IN_PROGRESS', startedAt: at }));
}

export function resolve(ticket: Ticket, actorId: string, note: string, at: Iso): Result<Ticket> {
  if (ticket.status === 'DONE') return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is already resolved.`);
  return ok(touch(ticket, at, { type: 'resolved', at, actorId, note }, { status: 'DONE', resolution: note, resolvedAt: at }));
}

export function reopen(ticket: Ticket, actorId: string, at: Iso): Result<Ticket> {
  if (ticket.status !== 'DONE') return fail('TICKET.NOT_RESOLVED', `Ticket #${ticket.ref} is still open.`);
  return ok(touch(ticket, at, { type: 'reopened', at, actorId }, { status: 'TODO', resolvedAt: null, startedAt: null }));
}

export function addMessage(ticket: Ticket, actorId: string, text: string, at: Iso, savedReply?: string): Ticket {
  return touch(ticket, at, savedReply === undefined ? { type: 'message', at, actorId, text } : { type: 'message', at, actorId, text, savedReply }, {});
}

/** An internal note: staff talking among themselves on the ticket. */
export function addNote(ticket: Ticket, actorId: string, text: string, at: Iso): Ticket {
  return touch(ticket, at, { type: 'note', at, actorId, text }, {});
}

export function recordHistory(ticket: Ticket, entry: HistoryEntry): Ticket {
  return touch(ticket, entry.at, entry, {});
}

/**
 * Changes to moderators' open-ticket counts implied by going from `before`
 * to `after`. Stores apply them in the same transaction as the ticket, so
 * assignment never has to count tickets.
 */
export function loadDeltas(before: Pick<Ticket, 'status' | 'assigneeId'> | null, after: Pick<Ticket, 'status' | 'assigneeId'>): LoadDelta[] {
  const deltas = new Map<string, number>();
  const add = (id: string | null, d: number) => {
    if (id !== null) deltas.set(id, (deltas.get(id) ?? 0) + d);
  };
  if (before && isOpen(before)) add(before.assigneeId, -1);
  if (isOpen(after)) add(after.assigneeId, +1);
  return [...deltas].filter(([, d]) => d !== 0).map(([personId, delta]) => ({ personId, delta }));
}

export interface LoadDelta {
  readonly personId: string;
  readonly delta: number;
}
