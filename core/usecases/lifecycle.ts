import { z } from 'zod';
import { fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { isAdmin, type Person } from '../domain/person.js';
import * as T from '../domain/ticket.js';
import { cleanMultilineText } from '../domain/text.js';
import { requireAssigneeOrAdmin } from '../policies/authorization.js';
import { currentRating, DEFAULT_LIFECYCLE, isOnHold, mayRate, reopensOnReply, withinReopenWindow } from '../policies/lifecycle.js';
import { loadActor, type TicketAction } from './actor.js';
import { nowIso, type HelpdeskDeps } from './deps.js';
import { mutateTicket } from './mutate.js';

/** At most this much of a rating comment is kept. */
export const RATING_COMMENT_MAX = 1000;

/**
 * Staff put a ticket on hold (`on: true`): no nudges and no auto-close while
 * waiting for the requester; or lift the hold, which sets the waiting timers
 * again from now (`ticket/timers-rearm`).
 */
export async function holdTicket(deps: HelpdeskDeps, input: TicketAction & { readonly on: boolean }): Promise<Result<T.Ticket>> {
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  return mutateTicket(deps, input.ticketId, (ticket) => {
    const allowed = requireAssigneeOrAdmin(who.value, ticket);
    if (!allowed.ok) return allowed;
    if (!T.isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; there is nothing to hold.`);
    if (isOnHold(ticket) === input.on) return ok(null);
    const at = nowIso(deps);
    const next = T.recordHistory(ticket, { type: 'held', at, actorId: input.actorId, on: input.on });
    const events = input.on ? [] : [outboxEvent('ticket/timers-rearm', { ticketId: ticket.id, ref: ticket.ref, reason: 'hold lifted' }, `${ticket.id}:${ticket.version}`, at)];
    return ok({ next, events });
  });
}

const commentSchema = z.string().transform((s) => cleanMultilineText(s));

/**
 * The requester rates the latest resolution 👍 (`good`) or 👎 (`bad`), with
 * an optional comment. One rating per resolution: rating again replaces it.
 * The assignee sees it on their card; a 👎 tells them and offers reopening.
 */
export async function rateTicket(deps: HelpdeskDeps, input: TicketAction & { readonly rating: T.Rating; readonly comment?: string }): Promise<Result<T.Ticket>> {
  const comment = commentSchema.parse(input.comment ?? '');
  if (comment.length > RATING_COMMENT_MAX) return fail('INPUT.NOTE_TOO_LONG', `The comment is too long (${comment.length} characters; at most ${RATING_COMMENT_MAX}).`);
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  return mutateTicket(deps, input.ticketId, (ticket) => {
    const allowed = mayRate(who.value.id, ticket);
    if (!allowed.ok) return allowed;
    const before = currentRating(ticket);
    if (before && before.rating === input.rating && (before.comment ?? '') === comment) return ok(null);
    const at = nowIso(deps);
    const next = T.recordHistory(ticket, comment ? { type: 'rated', at, actorId: who.value.id, rating: input.rating, comment } : { type: 'rated', at, actorId: who.value.id, rating: input.rating });
    return ok({
      next,
      events: [outboxEvent('ticket/rated', { ticketId: ticket.id, ref: ticket.ref, actorId: who.value.id, rating: input.rating, changed: before !== null }, `${ticket.id}:${ticket.version}`, at)],
    });
  });
}

/**
 * Whether a requester may reopen the ticket now: within `REOPEN_WINDOW` of
 * its resolution. Staff and admins may reopen at any time.
 */
export function requesterMayReopen(deps: HelpdeskDeps, actorPerson: Person, ticket: T.Ticket): Result<true> {
  if (actorPerson.id !== ticket.requesterId || actorPerson.id === ticket.assigneeId || isAdmin(actorPerson)) return ok(true);
  const settings = deps.settings.lifecycle ?? DEFAULT_LIFECYCLE;
  if (ticket.status !== 'DONE' || withinReopenWindow(ticket, deps.clock.now(), settings)) return ok(true);
  return fail('TICKET.REOPEN_WINDOW_PASSED', `#${ticket.ref} was resolved too long ago to reopen. Please file a new ticket (and mention #${ticket.ref}).`);
}

/** Whether the requester's message on this ticket reopens it first: it closed itself for want of an answer, within the window. */
export function replyReopens(deps: HelpdeskDeps, actorId: string, ticket: T.Ticket): boolean {
  return actorId === ticket.requesterId && reopensOnReply(ticket, deps.clock.now(), deps.settings.lifecycle ?? DEFAULT_LIFECYCLE);
}
