import { fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { isStaff } from '../domain/person.js';
import { assign, isOpen, leaveUnassigned, type AssignmentReason, type Ticket } from '../domain/ticket.js';
import { chooseAssignee, type AssignmentDecision } from '../policies/assignment.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket, type Change } from './mutate.js';

export interface AssignOptions {
  /** Who asked; null for the pipeline or an SLA escalation. */
  readonly actorId: string | null;
  /** People who must not get the ticket (the current assignee on "reassign automatically"). */
  readonly exclude?: readonly string[];
  /** True for the pipeline's first assignment: a ticket that already went through assignment is left alone. */
  readonly initial: boolean;
  /** Why assignment runs again, recorded for escalations. */
  readonly rule?: AssignmentReason['rule'];
}

/**
 * Assigns a ticket by policy: the best skill match with the least load,
 * admins as the fallback, or nobody with a visible reason. Idempotent for
 * the pipeline: once a ticket went through assignment, running it again
 * with `initial` does nothing.
 */
export async function autoAssign(deps: HelpdeskDeps, ticketId: string, options: AssignOptions): Promise<Result<Ticket>> {
  return mutateTicket(deps, ticketId, async (ticket) => {
    if (options.initial && ticket.history.some((h) => h.type === 'assigned' || h.type === 'unassigned')) return ok(null);
    if (!isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; reopen it first.`);
    const decision = await decideAssignee(deps, ticket.skills, options.exclude ?? []);
    const at = nowIso(deps);
    if (decision.kind === 'none') {
      if (ticket.assigneeId === null && ticket.unassignedReason === decision.reason && !options.initial) return ok(null);
      const next = leaveUnassigned(ticket, decision.reason, options.actorId, at);
      return ok(assignmentChange(ticket, next, options, at));
    }
    if (decision.personId === ticket.assigneeId) return ok(null);
    const reason = options.rule && !['skills', 'desk-fallback', 'load-fallback', 'admin-fallback'].includes(options.rule) ? { ...decision.reason, rule: options.rule } : decision.reason;
    const next = assign(ticket, decision.personId, reason, options.actorId, at);
    return ok({ ...assignmentChange(ticket, next, options, at), assignedTo: decision.personId });
  });
}

/**
 * Runs the assignment policy for `skills`: the store lists the staff who
 * hold them, a broader skill or a skill on the same desk (plus the admins);
 * only a ticket needing no skill also looks at every moderator.
 */
export async function decideAssignee(deps: HelpdeskDeps, skills: readonly string[], exclude: readonly string[]): Promise<AssignmentDecision> {
  const related = new Set<string>();
  for (const s of skills) for (const r of [s, ...deps.catalog.broader(s), ...deps.catalog.desk(s)]) related.add(r);
  const candidates = await deps.store.listAssignmentCandidates([...related]);
  const moderators = skills.length === 0 ? await deps.store.listPeople({ roles: ['moderator'], limit: 500 }) : [];
  const seen = new Set(candidates.map((c) => c.id));
  return chooseAssignee(skills, [...candidates, ...moderators.filter((m) => !seen.has(m.id))], exclude, deps.catalog);
}

/** Assigns to a named person, who must be a moderator or an admin. */
export async function assignToPerson(deps: HelpdeskDeps, ticketId: string, assigneeId: string, actorId: string): Promise<Result<Ticket>> {
  const assignee = await deps.store.getPerson(assigneeId);
  if (!assignee) return fail('PERSON.NOT_FOUND', 'That person is not known to the helpdesk yet.');
  if (!isStaff(assignee))
    return fail('PERSON.NOT_MODERATOR', `${assignee.displayName} is not a moderator. An admin can make them one with /skills role.`);
  return mutateTicket(deps, ticketId, (ticket) => {
    if (!isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; reopen it first.`);
    if (ticket.assigneeId === assigneeId) return ok(null);
    const at = nowIso(deps);
    const matched = assignee.skills.filter((s) => ticket.skills.includes(s));
    const next = assign(
      ticket,
      assigneeId,
      { rule: 'manual', matchedSkills: matched, load: assignee.openTickets, text: `assigned by hand; ${assignee.openTickets} open ticket${assignee.openTickets === 1 ? '' : 's'}` },
      actorId,
      at,
    );
    return ok({ ...assignmentChange(ticket, next, { actorId, initial: false }, at), assignedTo: assigneeId });
  });
}

function assignmentChange(before: Ticket, next: Ticket, options: Pick<AssignOptions, 'actorId' | 'initial'>, at: string): Change {
  return {
    next,
    events: [
      outboxEvent(
        'ticket/assigned',
        {
          ticketId: next.id,
          ref: next.ref,
          assigneeId: next.assigneeId,
          previousAssigneeId: before.assigneeId,
          priority: next.priority,
          initial: options.initial,
          actorId: options.actorId,
        },
        `${next.id}:${next.version}`,
        at,
      ),
    ],
  };
}
