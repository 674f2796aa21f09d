import { Errors, fail, ok, type Result } from '../domain/errors.js';
import { isOpen, PRIORITIES, type Priority, type Ticket } from '../domain/ticket.js';
import { personRef, type PersonRef } from '../notifications/notification.js';
import { requireAssigneeOrAdmin } from '../policies/authorization.js';
import { refreshSkills } from './stored-skills.js';
import type { HelpdeskDeps } from './deps.js';

/** One skill the "Edit triage" form offers. */
export interface SkillChoice {
  readonly id: string;
  /** The catalog's one line about it, if any. */
  readonly description: string | null;
}

/** What an "Edit triage" form shows: the ticket as it is and the values it may take. */
export interface TriageForm {
  readonly ticket: Ticket;
  readonly requester: PersonRef | null;
  readonly priorities: readonly Priority[];
  /** The ticket's category first, then the helpdesk's categories. */
  readonly categories: readonly string[];
  /**
   * The helpdesk's skills, most relevant first, so a surface that can show
   * only so many keeps the ones that matter: the ticket's own, then those
   * staff hold, then the rest of the helpdesk catalog (programming and
   * framework ids only when the ticket or someone on staff has them).
   */
  readonly skills: readonly SkillChoice[];
}

/** Categories every helpdesk offers, besides those its skills belong to. */
const BASE_CATEGORIES = ['general'];

/**
 * The "Edit triage" form for one ticket, checked the way `correctTriage`
 * will check it (the assignee or an admin, the ticket still open), so a
 * button can refuse before anyone fills in a form.
 */
export async function triageForm(deps: HelpdeskDeps, input: { readonly ticketId: string; readonly actorId: string }): Promise<Result<TriageForm>> {
  const actor = await deps.store.getPerson(input.actorId);
  if (!actor) return Errors.personNotFound();
  const ticket = await deps.store.getTicket(input.ticketId);
  if (!ticket) return Errors.ticketNotFound(input.ticketId);
  // Worded like correctTriage's refusal, so the button and the form say the same thing.
  if (!requireAssigneeOrAdmin(actor, ticket).ok) return fail('AUTH.NOT_ASSIGNEE', `Only the assignee of #${ticket.ref} or an admin can change its triage.`);
  if (!isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; reopen it first.`);
  await refreshSkills(deps);
  const staff = await deps.store.listPeople({ roles: ['moderator', 'admin'], limit: 200 });
  const requester = await deps.store.getPerson(ticket.requesterId);
  return ok({
    ticket,
    requester: requester ? personRef(requester) : null,
    priorities: PRIORITIES,
    categories: categoriesFor(deps, ticket),
    skills: skillChoices(deps, ticket, staff.flatMap((p) => p.skills)),
  });
}

/** A ticket with its requester and assignee, as a moderator card shows it. */
export interface TicketCard {
  readonly ticket: Ticket;
  readonly requester: PersonRef | null;
  readonly assignee: PersonRef | null;
}

/** The ticket as a moderator card shows it now, to redraw the card after a change made from a surface. */
export async function ticketCard(deps: HelpdeskDeps, ticketId: string): Promise<Result<TicketCard>> {
  const ticket = await deps.store.getTicket(ticketId);
  if (!ticket) return Errors.ticketNotFound(ticketId);
  const requester = await deps.store.getPerson(ticket.requesterId);
  const assignee = ticket.assigneeId ? await deps.store.getPerson(ticket.assigneeId) : null;
  return ok({ ticket, requester: requester ? personRef(requester) : null, assignee: assignee ? personRef(assignee) : null });
}

function categoriesFor(deps: HelpdeskDeps, ticket: Ticket): string[] {
  const areas = deps.catalog
    .definitions()
    .filter((d) => d.kind === 'helpdesk' && d.group !== 'custom' && d.area)
    .map((d) => d.area as string)
    .sort();
  return unique([ticket.category, ...areas, ...BASE_CATEGORIES].filter((c) => c.trim() !== ''));
}

function skillChoices(deps: HelpdeskDeps, ticket: Ticket, held: readonly string[]): SkillChoice[] {
  const helpdesk = deps.catalog
    .definitions()
    .filter((d) => d.kind === 'helpdesk')
    .map((d) => d.id)
    .sort();
  const ids = unique([...ticket.skills, ...[...held].sort(), ...helpdesk]).filter((id) => deps.catalog.has(id) || ticket.skills.includes(id));
  return ids.map((id) => ({ id, description: deps.catalog.get(id)?.description ?? null }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
