import { Errors, ok, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import type { Ticket } from '../domain/ticket.js';

/** Only admins change skills, roles and availability of others. */
export function requireAdmin(actor: Person): Result<Person> {
  return isAdmin(actor) ? ok(actor) : Errors.adminOnly();
}

/** Start, resolve and reassign: the assignee or an admin. */
export function requireAssigneeOrAdmin(actor: Person, ticket: Ticket): Result<Person> {
  if (isAdmin(actor) || (ticket.assigneeId !== null && ticket.assigneeId === actor.id)) return ok(actor);
  return Errors.notAssignee(ticket.ref);
}

/** Reopen: the requester, the assignee or an admin. */
export function canReopen(actor: Person, ticket: Ticket): boolean {
  return isAdmin(actor) || actor.id === ticket.requesterId || actor.id === ticket.assigneeId;
}

/** Who may see a ticket at all. Its holder always may, even after being demoted (they keep a started ticket until someone takes it). */
export function canView(actor: Person, ticket: Ticket): boolean {
  if (isAdmin(actor) || ticket.requesterId === actor.id || ticket.assigneeId === actor.id) return true;
  return isStaff(actor) && (ticket.assigneeId === actor.id || ticket.assigneeId === null || workedOn(actor, ticket));
}

/** Staff who held the ticket or acted on it before (it moved on since) may still read it. */
export function workedOn(actor: Person, ticket: Ticket): boolean {
  return ticket.history.some((h) => ('actorId' in h && h.actorId === actor.id) || (h.type === 'assigned' && h.assigneeId === actor.id) || (h.type === 'reassigned' && h.fromId === actor.id));
}

/** Moderator notes, AI notes and similar tickets are staff-only. */
export function canSeeNotes(actor: Person, ticket: Ticket): boolean {
  return isAdmin(actor) || (isStaff(actor) && ticket.assigneeId === actor.id) || (isStaff(actor) && ticket.assigneeId === null);
}

/**
 * Internal notes: staff who may see the ticket's notes, but never its
 * requester (unless they are the one working on it).
 */
export function canSeeInternalNotes(actor: Person, ticket: Ticket): boolean {
  return canSeeNotes(actor, ticket) && (actor.id !== ticket.requesterId || actor.id === ticket.assigneeId);
}
