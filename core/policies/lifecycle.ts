import { fail, ok, type Result } from '../domain/errors.js';
import type { HistoryEntry, Iso, Rating, Ticket } from '../domain/ticket.js';
import { span, type Span } from './business-hours.js';

/**
 * Waiting on the requester. When staff answer and the requester stays
 * silent for `nudgeAfter` (business time), the requester gets one friendly
 * nudge; after `autoCloseAfter` more the ticket is resolved with a note that
 * says why. For `reopenWindowMs` after a resolution the requester may
 * reopen it (`/reopen`), and an automatically closed ticket reopens when
 * they reply in its thread. Any requester message stops the timers; staff
 * can put a ticket on hold to turn them off.
 */
export interface LifecycleSettings {
  readonly nudgeAfter: Span;
  readonly autoCloseAfter: Span;
  /** Real time (not business time): how long after a resolution the requester may reopen. */
  readonly reopenWindowMs: number;
}

export const DEFAULT_LIFECYCLE: LifecycleSettings = {
  nudgeAfter: span(0, 2),
  autoCloseAfter: span(0, 3),
  reopenWindowMs: 7 * 86_400_000,
};

/** Whether staff put the ticket on hold (the latest hold entry decides). */
export function isOnHold(ticket: Pick<Ticket, 'history'>): boolean {
  const last = ticket.history.findLast((h) => h.type === 'held');
  return last?.type === 'held' && last.on;
}

/** The conversation's latest message, with its history index and whether the requester wrote it. */
export interface LastMessage {
  readonly index: number;
  readonly at: Iso;
  readonly actorId: string;
  readonly fromRequester: boolean;
}

export function lastMessage(ticket: Pick<Ticket, 'history' | 'requesterId'>): LastMessage | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (h?.type === 'message') return { index: i, at: h.at, actorId: h.actorId, fromRequester: h.actorId === ticket.requesterId };
  }
  return null;
}

/** The latest resolution entry, if the ticket is resolved now. */
export function latestResolution(ticket: Pick<Ticket, 'history' | 'status'>): { index: number; entry: Extract<HistoryEntry, { type: 'resolved' }> } | null {
  if (ticket.status !== 'DONE') return null;
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (h?.type === 'resolved') return { index: i, entry: h };
    if (h?.type === 'reopened') return null;
  }
  return null;
}

/** Whether `now` is within the reopening window of the ticket's latest resolution. */
export function withinReopenWindow(ticket: Pick<Ticket, 'history' | 'status' | 'resolvedAt'>, now: Date, settings: LifecycleSettings): boolean {
  const at = ticket.resolvedAt ?? latestResolution(ticket)?.entry.at;
  return at !== undefined && at !== null && now.getTime() - Date.parse(at) <= settings.reopenWindowMs;
}

/** Whether a requester's reply reopens the ticket: it closed itself for want of an answer, within the reopening window. */
export function reopensOnReply(ticket: Pick<Ticket, 'history' | 'status' | 'resolvedAt'>, now: Date, settings: LifecycleSettings): boolean {
  return latestResolution(ticket)?.entry.auto === 'no-reply' && withinReopenWindow(ticket, now, settings);
}

/** The requester's current rating of the latest resolution (a later rating replaces an earlier one). */
export function currentRating(ticket: Pick<Ticket, 'history' | 'status'>): { rating: Rating; comment?: string; at: Iso } | null {
  const resolution = latestResolution(ticket);
  if (!resolution) return null;
  for (let i = ticket.history.length - 1; i > resolution.index; i--) {
    const h = ticket.history[i];
    if (h?.type === 'rated') return { rating: h.rating, at: h.at, ...(h.comment ? { comment: h.comment } : {}) };
  }
  return null;
}

/**
 * Who owes the next message, from the conversation so far: staff, since the
 * requester's first message after staff last answered (`index` of that
 * message); or the requester, since staff's latest reply when the
 * requester has not written since. Null when nobody waits (no conversation
 * yet, or the requester wrote before staff ever answered or started the
 * ticket: the first-response SLA covers that).
 */
export type Awaiting = { readonly who: 'staff' | 'requester'; readonly index: number; readonly at: Iso; readonly actorId: string };

export function awaiting(ticket: Pick<Ticket, 'history' | 'requesterId'>): Awaiting | null {
  let staffReply = -1;
  let started = -1;
  ticket.history.forEach((h, i) => {
    if (h.type === 'message' && h.actorId !== ticket.requesterId) staffReply = i;
    if (h.type === 'started') started = i;
  });
  for (let i = staffReply + 1; i < ticket.history.length; i++) {
    const h = ticket.history[i];
    if (h?.type !== 'message') continue;
    // A requester message before staff ever answered or started is the first response's business.
    if (staffReply < 0 && (started < 0 || started > i)) return null;
    return { who: 'staff', index: i, at: h.at, actorId: h.actorId };
  }
  const reply = ticket.history[staffReply];
  return reply?.type === 'message' ? { who: 'requester', index: staffReply, at: reply.at, actorId: reply.actorId } : null;
}

/** When a hold that was lifted after entry `index` ended, so waiting on the requester counts from then. */
export function holdLiftedSince(ticket: Pick<Ticket, 'history'>, index: number): Iso | null {
  const last = ticket.history.findLast((h) => h.type === 'held');
  const i = last ? ticket.history.lastIndexOf(last) : -1;
  return last?.type === 'held' && !last.on && i > index ? last.at : null;
}

/** Who may rate a ticket now: its requester, once it is resolved (surfaces check before they open a form). */
export function mayRate(personId: string, ticket: Pick<Ticket, 'ref' | 'requesterId' | 'status'>): Result<true> {
  if (ticket.requesterId !== personId) return fail('AUTH.NOT_PARTICIPANT', `Only the person who filed #${ticket.ref} can rate it.`);
  if (ticket.status !== 'DONE') return fail('TICKET.NOT_RESOLVED', `Ticket #${ticket.ref} is still open; you can rate it once it is resolved.`);
  return ok(true);
}
