import { fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { isAdmin } from '../domain/person.js';
import { isOpen, PRIORITIES, recordHistory, type Priority, type Ticket, type TriageChange } from '../domain/ticket.js';
import { CATEGORY_MAX } from '../policies/triage-safety.js';
import { autoAssign } from './assign-ticket.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket } from './mutate.js';
import { knownSkills, refreshSkills } from './stored-skills.js';
import type { CorrectTriageInput } from './triage-command.js';

export type { CorrectTriageInput } from './triage-command.js';

/**
 * Staff change a ticket's triage: its assignee or an admin may set the
 * priority, category and skills. Bad input changes nothing and gets one
 * clear message. The history records who changed what; a new priority
 * restarts the start SLA with the new window and tells the requester; new
 * skills on a ticket nobody started, whose assignee holds none of them,
 * send it through assignment again (everyone affected is told). The
 * corrected ticket joins the similar-ticket index at once, so the next
 * similar ticket is triaged the corrected way.
 */
export async function correctTriage(deps: HelpdeskDeps, input: CorrectTriageInput): Promise<Result<Ticket>> {
  const actor = await deps.store.getPerson(input.actorId);
  if (!actor) return fail('PERSON.NOT_FOUND', 'That person is not known to the helpdesk yet.');
  let priority: Priority | undefined;
  if (input.priority !== undefined) {
    const p = input.priority.trim().toUpperCase();
    if (!(PRIORITIES as readonly string[]).includes(p)) return fail('INPUT.INVALID', `The priority must be low, medium or high, not "${input.priority.slice(0, 30)}". Nothing was changed.`);
    priority = p as Priority;
  }
  let skills: string[] | undefined;
  if (input.skills !== undefined) {
    await refreshSkills(deps);
    const checked = knownSkills(deps, input.skills.filter((s) => s.trim() !== ''), 'An admin can create one with /skills new. ');
    if (!checked.ok) return checked;
    skills = checked.value;
  }
  const category = input.category?.trim().toLowerCase().replace(/[^a-z0-9 &/-]+/g, '').slice(0, CATEGORY_MAX);
  if (input.category !== undefined && !category) return fail('INPUT.INVALID', 'The category is empty. Nothing was changed.');
  if (priority === undefined && skills === undefined && category === undefined)
    return fail('INPUT.BAD_COMMAND', 'Say what to change, e.g. /triage #12 priority:high skills:vpn,networking category:network.');

  let reassign = false;
  const saved = await mutateTicket(deps, input.ticketId, (ticket) => {
    if (!isAdmin(actor) && ticket.assigneeId !== actor.id) return fail('AUTH.NOT_ASSIGNEE', `Only the assignee of #${ticket.ref} or an admin can change its triage.`);
    if (!isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is resolved; reopen it first.`);
    const changes: TriageChange[] = [];
    if (priority !== undefined && priority !== ticket.priority) changes.push({ field: 'priority', from: ticket.priority, to: priority });
    if (category !== undefined && category !== ticket.category) changes.push({ field: 'category', from: ticket.category, to: category });
    if (skills !== undefined && skills.join(',') !== ticket.skills.join(',')) changes.push({ field: 'skills', from: ticket.skills.join(', '), to: skills.join(', ') });
    if (changes.length === 0) return ok(null);
    const at = nowIso(deps);
    const next = {
      ...recordHistory(ticket, { type: 'triage-corrected', at, actorId: actor.id, changes }),
      ...(priority !== undefined ? { priority } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(skills !== undefined ? { skills } : {}),
    };
    const assignee = ticket.assigneeId;
    reassign = skills !== undefined && skills.length > 0 && changes.some((c) => c.field === 'skills') && ticket.status === 'TODO';
    const events = [];
    if (changes.some((c) => c.field === 'priority') && assignee !== null) {
      events.push(
        outboxEvent(
          'ticket/assigned',
          { ticketId: ticket.id, ref: ticket.ref, assigneeId: assignee, previousAssigneeId: assignee, priority: next.priority, initial: false, actorId: actor.id, priorityChanged: true },
          `${ticket.id}:${ticket.version}:priority`,
          at,
        ),
      );
    }
    return ok({ next, events });
  });
  if (!saved.ok) return saved;
  const ticket = saved.value;
  await deps.similar.add({ ticketId: ticket.id, ref: ticket.ref, title: ticket.title, description: ticket.description, resolution: ticket.resolution ?? '' });
  if (!reassign) return saved;
  const holder = ticket.assigneeId ? await deps.store.getPerson(ticket.assigneeId) : null;
  const holds = holder !== null && ticket.skills.some((s) => holder.skills.includes(s) || deps.catalog.broader(s).some((b) => holder.skills.includes(b)));
  if (holds) return saved;
  const moved = await autoAssign(deps, ticket.id, { actorId: actor.id, exclude: [], initial: false, rule: 'manual' });
  return moved.ok ? moved : saved;
}
