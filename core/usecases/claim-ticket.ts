import { Errors, fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import { assign, type Ticket } from '../domain/ticket.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket } from './mutate.js';
import type { TicketAction } from './ticket-actions.js';

/** What a surface shows after a claim: the ticket, and whom it was taken from (an admin holding it as fallback), if anyone. */
export interface ClaimOutcome {
  readonly ticket: Ticket;
  readonly previousAssigneeId: string | null;
}

/**
 * A moderator or admin takes a ticket from the queue: one nobody holds, or
 * one an admin holds only as the fallback (assigned by the `admin-fallback`
 * rule and not started), or one whose holder was demoted or is away. The
 * history records the claim; the new assignee
 * gets the card and the requester is told who has it (the `ticket/assigned`
 * follow-up, saved with the change). Two people claiming at once: the save
 * is checked against the version both read, so one wins; the other's
 * claim is decided again on the winner's ticket and refused with
 * `TICKET.ALREADY_CLAIMED`, naming the winner (`details.assigneeId`,
 * `details.assigneeName`).
 */
export async function claimTicket(deps: HelpdeskDeps, input: TicketAction): Promise<Result<ClaimOutcome>> {
  const who = await deps.store.getPerson(input.actorId);
  if (!who) return Errors.personNotFound();
  if (!isStaff(who)) return fail('PERSON.NOT_MODERATOR', 'Only moderators and admins can take tickets from the queue.');
  let previousAssigneeId: string | null = null;
  const saved = await mutateTicket(deps, input.ticketId, async (ticket) => {
    const refused = await refusal(deps, who, ticket);
    if (refused) return refused;
    previousAssigneeId = ticket.assigneeId;
    const at = nowIso(deps);
    const from = ticket.assigneeId ? await deps.store.getPerson(ticket.assigneeId) : null;
    const fromText = from ? (holderUnavailable(from) ? `from ${from.displayName}, who ${isStaff(from) ? 'is away' : 'is no longer a moderator'}` : `from ${from.displayName}, who held it as the admin fallback`) : '';
    const next = assign(
      ticket,
      who.id,
      {
        rule: 'claim',
        matchedSkills: who.skills.filter((s) => ticket.skills.includes(s)),
        load: who.openTickets,
        text: from ? `taken by ${who.displayName} ${fromText}` : `taken by ${who.displayName} from the queue`,
      },
      who.id,
      at,
    );
    const event = outboxEvent(
      'ticket/assigned',
      { ticketId: ticket.id, ref: ticket.ref, assigneeId: who.id, previousAssigneeId: ticket.assigneeId, priority: ticket.priority, initial: false, actorId: who.id },
      `${ticket.id}:${ticket.version}`,
      at,
    );
    return ok({ next, events: [event], assignedTo: who.id });
  });
  return saved.ok ? ok({ ticket: saved.value, previousAssigneeId }) : saved;
}

/** Why `who` may not take `ticket` now, or null when they may. */
async function refusal(deps: HelpdeskDeps, who: Person, ticket: Ticket): Promise<Result<never> | null> {
  if (ticket.status === 'DONE') return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; there is nothing to take. Reopen it first if it is not fixed.`);
  if (ticket.assigneeId === null) return null;
  if (ticket.assigneeId === who.id) return fail('TICKET.ALREADY_CLAIMED', `Ticket #${ticket.ref} is already yours.`, { assigneeId: who.id, assigneeName: who.displayName });
  const holder = await deps.store.getPerson(ticket.assigneeId);
  if (holder && (heldAsAdminFallback(ticket, holder) || holderUnavailable(holder))) return null;
  const name = holder?.displayName ?? 'someone else';
  const doing = ticket.status === 'IN_PROGRESS' ? 'is working on it' : 'has it';
  return fail('TICKET.ALREADY_CLAIMED', `Ticket #${ticket.ref} is already taken: ${name} ${doing}.${isAdmin(who) ? ` Use /reassign #${ticket.ref} @someone to move it.` : ''}`, {
    assigneeId: ticket.assigneeId,
    assigneeName: name,
  });
}

/** The holder can no longer carry the ticket: no longer staff, or away (the admins were told to take or reassign it). */
export function holderUnavailable(holder: Person): boolean {
  return !isStaff(holder) || holder.availability === 'away';
}

/** An admin holds the ticket only because nobody else could take it, and has not started it. */
export function heldAsAdminFallback(ticket: Ticket, holder: Person): boolean {
  if (ticket.status !== 'TODO' || !isAdmin(holder) || ticket.assigneeId !== holder.id) return false;
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (h?.type === 'assigned' && h.assigneeId === holder.id) return h.reason.rule === 'admin-fallback';
    if (h?.type === 'reassigned' && h.toId === holder.id) return h.reason?.rule === 'admin-fallback';
  }
  return false;
}
