import { z } from 'zod';
import { fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import * as T from '../domain/ticket.js';
import { canReopen, canView, requireAssigneeOrAdmin } from '../policies/authorization.js';
import { loadActor, type TicketAction } from './actor.js';
import { autoAssign, assignToPerson } from './assign-ticket.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { requesterMayReopen, replyReopens } from './lifecycle.js';
import { mutateTicket } from './mutate.js';
import { cleanMultilineText } from '../domain/text.js';

export type { TicketAction } from './actor.js';

/** The assignee (or an admin) starts work on a ticket. */
export async function startTicket(deps: HelpdeskDeps, input: TicketAction): Promise<Result<T.Ticket>> {
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  return mutateTicket(deps, input.ticketId, (ticket) => {
    const allowed = requireAssigneeOrAdmin(who.value, ticket);
    if (!allowed.ok) return allowed;
    const at = nowIso(deps);
    const next = T.start(ticket, input.actorId, at);
    if (!next.ok) return next;
    return ok({ next: next.value, events: [outboxEvent('ticket/started', { ticketId: ticket.id, ref: ticket.ref, actorId: input.actorId }, `${ticket.id}:${ticket.version}`, at)] });
  });
}

const noteSchema = z.string().transform((s) => cleanMultilineText(s));

/** The assignee (or an admin) resolves a ticket with a note the requester sees. */
export async function resolveTicket(deps: HelpdeskDeps, input: TicketAction & { readonly note: string }): Promise<Result<T.Ticket>> {
  const note = noteSchema.parse(input.note);
  if (note.length === 0) return fail('INPUT.INVALID', 'Please add a resolution note: say what fixed it, so the requester and future tickets can learn from it.');
  if (note.length > T.NOTE_MAX) return fail('INPUT.NOTE_TOO_LONG', `The resolution note is too long (${note.length} characters; at most ${T.NOTE_MAX}).`);
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  return mutateTicket(deps, input.ticketId, (ticket) => {
    const allowed = requireAssigneeOrAdmin(who.value, ticket);
    if (!allowed.ok) return allowed;
    const at = nowIso(deps);
    const next = T.resolve(ticket, input.actorId, note, at);
    if (!next.ok) return next;
    return ok({ next: next.value, events: [outboxEvent('ticket/resolved', { ticketId: ticket.id, ref: ticket.ref, actorId: input.actorId }, `${ticket.id}:${ticket.version}`, at)] });
  });
}

/** The requester, the assignee or an admin reopens a resolved ticket. */
export async function reopenTicket(deps: HelpdeskDeps, input: TicketAction): Promise<Result<T.Ticket>> {
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  const result = await mutateTicket(deps, input.ticketId, (ticket) => {
    if (!canReopen(who.value, ticket))
      return fail('AUTH.NOT_PARTICIPANT', `Only the requester, the assigned moderator or an admin can reopen #${ticket.ref}.`);
    const window = requesterMayReopen(deps, who.value, ticket);
    if (!window.ok) return window;
    const at = nowIso(deps);
    const next = T.reopen(ticket, input.actorId, at);
    if (!next.ok) return next;
    return ok({ next: next.value, events: [outboxEvent('ticket/reopened', { ticketId: ticket.id, ref: ticket.ref, actorId: input.actorId }, `${ticket.id}:${ticket.version}`, at)] });
  });
  if (!result.ok || result.value.assigneeId !== null) return result;
  // A reopened ticket nobody holds goes through assignment again.
  const assigned = await autoAssign(deps, input.ticketId, { actorId: input.actorId, initial: false });
  return assigned.ok ? assigned : result;
}

/**
 * The assignee (or an admin) hands a ticket to a named moderator, or back to
 * the assignment policy (`to: null`), which skips the current assignee.
 */
export async function reassignTicket(deps: HelpdeskDeps, input: TicketAction & { readonly to: string | null }): Promise<Result<T.Ticket>> {
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  const ticket = await deps.store.getTicket(input.ticketId);
  if (!ticket) return fail('TICKET.NOT_FOUND', 'That ticket does not exist.');
  const allowed = requireAssigneeOrAdmin(who.value, ticket);
  if (!allowed.ok) return allowed;
  if (input.to !== null) return assignToPerson(deps, ticket.id, input.to, input.actorId);
  const exclude = ticket.assigneeId ? [ticket.assigneeId] : [];
  const result = await autoAssign(deps, ticket.id, { actorId: input.actorId, exclude, initial: false, rule: 'manual' });
  if (result.ok && result.value.assigneeId === ticket.assigneeId && ticket.assigneeId !== null)
    return fail('TICKET.NOT_ASSIGNED', `Nobody else is available for #${ticket.ref}; it stays with its current moderator.`);
  return result;
}

/**
 * A message in the ticket's conversation, relayed to the other side
 * (requester ↔ assignee) and kept in the history (with the name of the
 * saved reply it came from, if any).
 */
export async function postMessage(deps: HelpdeskDeps, input: TicketAction & { readonly text: string; readonly savedReply?: string }): Promise<Result<T.Ticket>> {
  const text = cleanMultilineText(input.text);
  if (text.length === 0) return fail('INPUT.MESSAGE_EMPTY', 'The message is empty.');
  if (text.length > T.NOTE_MAX) return fail('INPUT.NOTE_TOO_LONG', `The message is too long (at most ${T.NOTE_MAX} characters).`);
  const who = await loadActor(deps, input.actorId);
  if (!who.ok) return who;
  // The requester answering a ticket that closed itself for want of an answer reopens it.
  const current = await deps.store.getTicket(input.ticketId);
  if (current && replyReopens(deps, who.value.id, current)) {
    const reopened = await reopenTicket(deps, { ticketId: input.ticketId, actorId: who.value.id });
    if (!reopened.ok && reopened.error.code !== 'TICKET.NOT_RESOLVED') return reopened;
  }
  return mutateTicket(deps, input.ticketId, (ticket) => {
    if (!canView(who.value, ticket) || (ticket.requesterId !== who.value.id && ticket.assigneeId !== who.value.id && who.value.role !== 'admin'))
      return fail('AUTH.NOT_PARTICIPANT', `Only the requester and the moderators of #${ticket.ref} can talk on it.`);
    const at = nowIso(deps);
    const next = T.addMessage(ticket, input.actorId, text, at, input.savedReply);
    const seq = next.history.length;
    return ok({ next, events: [outboxEvent('ticket/message', { ticketId: ticket.id, ref: ticket.ref, actorId: input.actorId, text, seq }, `${ticket.id}:${seq}`, at)] });
  });
}
