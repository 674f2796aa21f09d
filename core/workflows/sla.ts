import { eventSchemas, outboxEvent, parseEvent } from '../domain/events.js';
import { ok, unwrap } from '../domain/errors.js';
import { recordHistory, type Priority } from '../domain/ticket.js';
import {
  addMs,
  checkSla,
  currentAssignment,
  escalatedSince,
  formatWindow,
  remindedSince,
  startWindowMs,
  type SlaStatus,
  type WatchedAssignment,
} from '../policies/sla.js';
import { autoAssign, decideAssignee } from '../usecases/assign-ticket.js';
import { nowIso, type HelpdeskDeps } from '../usecases/deps.js';
import { mutateTicket } from '../usecases/mutate.js';
import { loadTicket, notifyAdmins, notifyPerson, refOf } from './notify.js';
import type { WorkflowStep } from '../ports/step.js';
import type { WorkflowDefinition } from './workflow.js';

/** Durable waits resolve no sooner than a second on Inngest; the same floor keeps both engines alike. */
const MIN_WAIT_MS = 1_000;
/** How far an engine's timer may run ahead of this server's clock and still count as on time. */
const CLOCK_GRACE_MS = 5_000;

type Watched = WatchedAssignment & { readonly dueAt: string };

type Escalation =
  | { readonly status: 'reassigned'; readonly to: string | null; readonly reason: string }
  | { readonly status: 'admins'; readonly reason: string }
  | { readonly status: 'unassigned'; readonly reason: string }
  | { readonly status: Exclude<SlaStatus, 'due'> };

/**
 * SLA for starting work, one run per assignment (`ticket/assigned`):
 * wait for `ticket/started` until the priority's window passes; if the
 * ticket is still open, not started and held through the same assignment,
 * remind the assignee; wait a second window; then move the ticket to the
 * next best match, or tell the admins when nobody else can take it.
 * Starting or resolving the ticket, or reassigning it, ends the run at its
 * next check (Inngest also cancels it outright on start and resolution).
 */
export function ticketSla(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-sla',
    trigger: 'ticket/assigned',
    concurrencyKey: 'ticketId',
    startsFor(data) {
      const parsed = eventSchemas['ticket/assigned'].safeParse(data);
      return !parsed.success || (parsed.data.assigneeId !== null && startWindowMs(deps.settings.sla, parsed.data.priority) > 0);
    },
    async run(event, step) {
      const data = parseEvent('ticket/assigned', event.data);
      const { ticketId, assigneeId } = data;
      // An unassigned ticket has nobody to remind; the admins were told when it was left unassigned.
      if (assigneeId === null) return { outcome: 'unassigned' };
      return watchStart(deps, step, ticketId, assigneeId, data.priority);
    },
  };
}

/**
 * The same SLA for a ticket reopened while it stays with its assignee
 * (`ticket/reopened`): it has to be started again, within the window
 * counted from the reopening. A reopened ticket nobody held goes through
 * assignment again, and that assignment's own run watches it.
 */
export function ticketSlaAfterReopen(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-sla-reopened',
    trigger: 'ticket/reopened',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId } = parseEvent('ticket/reopened', event.data);
      const held = await step.run('held', async (): Promise<{ assigneeId: string; priority: Priority } | null> => {
        const ticket = await loadTicket(deps, ticketId);
        const current = currentAssignment(ticket);
        // Only while the reopening is the latest assignment point: a new assignment has its own run.
        if (current === null || ticket.history[current.index]?.type !== 'reopened') return null;
        return { assigneeId: current.assigneeId, priority: ticket.priority };
      });
      if (held === null) return { outcome: 'superseded' };
      return watchStart(deps, step, ticketId, held.assigneeId, held.priority);
    },
  };
}

/** Watches one assignment (or reopening) until the ticket is started: reminder after one window, escalation after a second. */
async function watchStart(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, assigneeId: string, priority: Priority): Promise<{ outcome: string }> {
  const windowMs = startWindowMs(deps.settings.sla, priority);
  if (windowMs === 0) return { outcome: 'off' };

  const watched = await step.run('watch', async (): Promise<Watched | null> => {
    const ticket = await loadTicket(deps, ticketId);
    const current = currentAssignment(ticket);
    if (current === null || current.assigneeId !== assigneeId || checkSla(ticket, current) !== 'due') return null;
    return { ...current, dueAt: addMs(current.at, windowMs) };
  });
  if (watched === null) return { outcome: 'superseded' };

  // Measured from the assignment, so a run that started late (an outbox backlog) is not late again.
  const first = await waitForStart(deps, step, ticketId, 'wait-start', watched.dueAt);
  if (first !== 'due') return { outcome: first };

  const reminder = await step.run('remind', () => recordReminder(deps, ticketId, watched));
  if (reminder.status !== 'due') return { outcome: reminder.status };
  await step.run('notify-reminder', async () => {
    const ticket = await loadTicket(deps, ticketId);
    return notifyPerson(deps, watched.assigneeId, { kind: 'sla.reminder', audience: 'moderator', ticket, dueAt: watched.dueAt });
  });

  const second = await waitForStart(deps, step, ticketId, 'wait-start-after-reminder', addMs(reminder.at, windowMs));
  if (second !== 'due') return { outcome: second };

  const escalation = await step.run('escalate', () => escalate(deps, ticketId, watched, windowMs));
  if (escalation.status === 'admins') {
    const reason = escalation.reason;
    await step.run('notify-admins', async () => {
      const ticket = await loadTicket(deps, ticketId);
      return notifyAdmins(deps, { kind: 'sla.escalated', audience: 'admin', ticket, reason });
    });
  }
  return { outcome: escalation.status };
}

/**
 * Waits for `ticket/started` until `deadline`. A wait that ends without the
 * event before this server's clock reaches the deadline (an engine whose
 * timers run ahead, or a test engine that times out at once) waits out the
 * rest once; if the deadline is still ahead after that the run ends rather
 * than remind anyone early. The clock is read inside steps, so a replay
 * takes the same path.
 */
async function waitForStart(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, id: string, deadline: string): Promise<'due' | 'started' | 'early'> {
  for (const stepId of [id, `${id}-rest`]) {
    const remaining = Math.max(MIN_WAIT_MS, Date.parse(deadline) - deps.clock.now().getTime());
    const started = await step.waitForEvent(stepId, { event: 'ticket/started', timeout: remaining, match: 'data.ticketId' });
    if (started) return 'started';
    const reached = await step.run(`${stepId}-deadline`, async () => deps.clock.now().getTime() >= Date.parse(deadline) - CLOCK_GRACE_MS);
    if (reached) return 'due';
  }
  deps.logger.warn({ ticketId, step: id, deadline }, 'SLA wait ended before its deadline twice; not reminding early (check the clocks)');
  return 'early';
}

/** Records the reminder in the history once; says whether the SLA still applies, and when the reminder was recorded. */
async function recordReminder(deps: HelpdeskDeps, ticketId: string, watched: WatchedAssignment): Promise<{ status: SlaStatus; at: string }> {
  let status: SlaStatus = 'due';
  let at = nowIso(deps);
  unwrap(
    await mutateTicket(deps, ticketId, (ticket) => {
      status = checkSla(ticket, watched);
      const earlier = ticket.history.findLast((h, i) => i > watched.index && h.type === 'reminded');
      if (earlier) at = earlier.at;
      if (status !== 'due' || remindedSince(ticket, watched)) return ok(null);
      at = nowIso(deps);
      return ok({ next: recordHistory(ticket, { type: 'reminded', at, assigneeId: watched.assigneeId }) });
    }),
  );
  return { status, at };
}

/**
 * Escalates once per watched assignment: records `escalated` with a
 * `ticket/escalated` event, then reassigns by policy without the current
 * assignee (rule `escalation`). When nobody else could take it the ticket
 * stays where it is and the admins are told. A retry after the reassignment
 * finds the ticket moved and does nothing more.
 */
async function escalate(deps: HelpdeskDeps, ticketId: string, watched: WatchedAssignment, windowMs: number): Promise<Escalation> {
  const ticket = await loadTicket(deps, ticketId);
  const status = checkSla(ticket, watched);
  if (status !== 'due') return { status };
  const assignee = await refOf(deps, watched.assigneeId);
  const decision = await decideAssignee(deps, ticket.skills, [watched.assigneeId]);
  const late = `${assignee.displayName} was reminded after ${formatWindow(windowMs)} and has not started it ${formatWindow(windowMs)} later`;
  const reason = decision.kind === 'assign' ? `${late}; moving it to the next best match.` : `${late}; nobody else can take it (${decision.reason}).`;

  unwrap(
    await mutateTicket(deps, ticketId, (t) => {
      if (checkSla(t, watched) !== 'due' || escalatedSince(t, watched)) return ok(null);
      const at = nowIso(deps);
      return ok({
        next: recordHistory(t, { type: 'escalated', at, reason }),
        events: [outboxEvent('ticket/escalated', { ticketId, ref: t.ref, reason }, `${ticketId}:${t.version}`, at)],
      });
    }),
  );
  if (decision.kind === 'none') return { status: 'admins', reason };

  const moved = unwrap(await autoAssign(deps, ticketId, { actorId: null, exclude: [watched.assigneeId], initial: false, rule: 'escalation' }));
  // The candidate may have gone away meanwhile; assignment then leaves the
  // ticket unassigned and its own workflow tells the admins.
  if (moved.assigneeId === null) return { status: 'unassigned', reason };
  return { status: 'reassigned', to: moved.assigneeId, reason };
}
