import { Errors, fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { isAdmin, isStaff } from '../domain/person.js';
import { addNote as withNote, NOTE_MAX, type Ticket } from '../domain/ticket.js';
import { cleanMultilineText } from '../domain/text.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket } from './mutate.js';
import type { TicketAction } from './ticket-actions.js';

/**
 * An internal note: staff talking among themselves on a ticket. It is kept
 * in the history as a staff-only entry, shown to staff on the ticket
 * (`/show`, the next assignee) and never to the requester: its event
 * (`ticket/noted`) is not a message, so nothing relays it; its one
 * workflow tells the assignee only (their card thread shows "Internal note
 * from …"), and the requester's views and notices drop it (viewOf,
 * Notifier). The assignee or an admin may add one.
 */
export async function addNote(deps: HelpdeskDeps, input: TicketAction & { readonly text: string }): Promise<Result<Ticket>> {
  const text = cleanMultilineText(input.text);
  if (text.length === 0) return fail('INPUT.MESSAGE_EMPTY', 'The note is empty. Usage: /note #12 what you found.');
  if (text.length > NOTE_MAX) return fail('INPUT.NOTE_TOO_LONG', `The note is too long (${text.length} characters; at most ${NOTE_MAX}).`);
  const who = await deps.store.getPerson(input.actorId);
  if (!who) return Errors.personNotFound();
  return mutateTicket(deps, input.ticketId, (ticket) => {
    if (!isStaff(who) || (!isAdmin(who) && ticket.assigneeId !== who.id))
      return fail('AUTH.NOT_ASSIGNEE', `Only the moderator working on #${ticket.ref} or an admin can add internal notes to it.`);
    const at = nowIso(deps);
    const next = withNote(ticket, who.id, text, at);
    const event = outboxEvent('ticket/noted', { ticketId: ticket.id, ref: ticket.ref, actorId: who.id, seq: next.history.length }, `${ticket.id}:${ticket.version}`, at);
    return ok({ next, events: [event] });
  });
}
