import { eventSchemas, outboxEvent, parseEvent } from '../domain/events.js';
import { ok, unwrap } from '../domain/errors.js';
import { recordHistory, type HistoryEntry, type Priority, type SlaKind, type Ticket } from '../domain/ticket.js';
import {
  checkSla,
  currentAssignment,
  escalatedSince,
  formatSpan,
  slaCalendar,
  slaDeadline,
  slaIsOn,
  slaOf,
  slaWindow,
  type WatchedAssignment,
} from '../policies/sla.js';
import { autoAssign, decideAssignee } from '../usecases/assign-ticket.js';
import { nowIso, type HelpdeskDeps } from '../usecases/deps.js';
import { mutateTicket } from '../usecases/mutate.js';
import { loadTicket, notifyAdmins, notifyPerson, refOf } from './notify.js';
import { waitUntil } from './timers.js';
import type { WorkflowStep } from '../ports/step.js';
import type { WorkflowDefinition } from './workflow.js';

type Watched = WatchedAssignment & { readonly dueAt: string };

/** The steps a first-response watch opens with before its first wait: they read the ticket and change nothing. */
const WATCH_STEPS = ['held', 'watch'] as const;

/** Whether a watched service level still applies to the ticket as it is now: `'due'`, or why not. */
export type StillDue = (ticket: Ticket) => string;

type Escalation =
  | { readonly status: 'reassigned'; readonly to: string | null; readonly reason: string }
  | { readonly status: 'admins'; readonly reason: string }
  | { readonly status: 'unassigned'; readonly reason: string }
  | { readonly status: string };

/**
 * First-response SLA, one run per assignment (`ticket/assigned`):
 * wait for `ticket/started` until the priority's window passes on its
 * business clock; if the ticket is still open, not started, not answered by
 * staff (internal notes do not count) and held through the same assignment,
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
    readOnlySteps: WATCH_STEPS,
    startsFor(data) {
      const parsed = eventSchemas['ticket/assigned'].safeParse(data);
      return !parsed.success || (parsed.data.assigneeId !== null && slaIsOn(deps.settings.sla, 'first-response', parsed.data.priority));
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
    readOnlySteps: WATCH_STEPS,
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

/**
 * The same SLA picked up again from the ticket as it stands
 * (`ticket/timers-rearm`: after a switch of engines, whose timers stay with
 * the engine that set them). Watches the current assignment, with its
 * original deadline; a window already reminded or escalated is not acted on
 * twice, because the history says so.
 */
export function ticketSlaRearm(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-sla-rearm',
    trigger: 'ticket/timers-rearm',
    concurrencyKey: 'ticketId',
    readOnlySteps: WATCH_STEPS,
    async run(event, step) {
      const { ticketId } = parseEvent('ticket/timers-rearm', event.data);
      const held = await step.run('held', async (): Promise<{ assigneeId: string; priority: Priority } | null> => {
        const ticket = await loadTicket(deps, ticketId);
        const current = currentAssignment(ticket);
        return current === null || checkSla(ticket, current) !== 'due' ? null : { assigneeId: current.assigneeId, priority: ticket.priority };
      });
      if (held === null) return { outcome: 'nothing-due' };
      return watchStart(deps, step, ticketId, held.assigneeId, held.priority);
    },
  };
}

/**
 * Watches one assignment (or reopening) until the ticket is started or its
 * assignee answers the requester (first response): reminder after one
 * window, escalation after a second, both on the priority's business clock.
 */
export async function watchStart(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, assigneeId: string, priority: Priority): Promise<{ outcome: string }> {
  const sla = deps.settings.sla;
  if (!slaIsOn(sla, 'first-response', priority)) return { outcome: 'off' };
  const window = slaWindow(sla, 'first-response', priority);

  const watched = await step.run('watch', async (): Promise<Watched | null> => {
    const ticket = await loadTicket(deps, ticketId);
    const current = currentAssignment(ticket);
    if (current === null || current.assigneeId !== assigneeId || checkSla(ticket, current) !== 'due') return null;
    return { ...current, dueAt: slaDeadline(sla, 'first-response', priority, current.at) };
  });
  if (watched === null) return { outcome: 'superseded' };
  const stillDue: StillDue = (t) => checkSla(t, watched);

  // Measured from the assignment, so a run that started late (an outbox backlog) is not late again.
  const first = await waitUntil(deps, step, 'wait-start', watched.dueAt, { event: 'ticket/started' });
  if (first !== 'due') return { outcome: first === 'woken' ? 'started' : first };

  const reminder = await step.run('remind', () => recordReminder(deps, ticketId, 'first-response', watched.index, watched.assigneeId, stillDue));
  if (reminder.status !== 'due') return { outcome: reminder.status };
  if (reminder.fresh)
    await step.run('notify-reminder', async () => {
      const ticket = await loadTicket(deps, ticketId);
      return notifyPerson(deps, watched.assigneeId, { kind: 'sla.reminder', audience: 'moderator', ticket, dueAt: watched.dueAt });
    });

  const second = await waitUntil(deps, step, 'wait-start-after-reminder', slaDeadline(sla, 'first-response', priority, reminder.at), { event: 'ticket/started' });
  if (second !== 'due') return { outcome: second === 'woken' ? 'started' : second };

  const late = formatSpan(window, slaCalendar(sla, priority));
  const escalation = await step.run('escalate', () => escalate(deps, ticketId, 'first-response', watched, `was reminded after ${late} and has not started it ${late} later`, stillDue));
  await notifyEscalation(deps, step, ticketId, escalation);
  return { outcome: escalation.status };
}

/** Tells the admins about an escalation nobody else could take. */
export async function notifyEscalation(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, escalation: Escalation): Promise<void> {
  if (escalation.status !== 'admins' || !('reason' in escalation)) return;
  const reason = escalation.reason;
  await step.run('notify-admins', async () => {
    const ticket = await loadTicket(deps, ticketId);
    return notifyAdmins(deps, { kind: 'sla.escalated', audience: 'admin', ticket, reason });
  });
}

/** What recording a timer's action did: whether the watched level still applies (`'due'`), when the action was recorded, and whether this call recorded it. */
export interface Recorded {
  readonly status: string;
  readonly at: string;
  readonly fresh: boolean;
}

/**
 * Records a timer's action (a reminder, a nudge) in the history once per
 * watched entry `index`: a later entry matching `isSame` means it was
 * already recorded, and then its time is returned. Only the call that
 * records it is `fresh`, and only then is the notice sent, so a retried step
 * or a second run watching the same window never sends it twice.
 */
export async function recordOnce(
  deps: HelpdeskDeps,
  ticketId: string,
  index: number,
  isSame: (entry: HistoryEntry) => boolean,
  entry: (at: string) => HistoryEntry,
  stillDue: StillDue,
): Promise<Recorded> {
  let status = 'due';
  let at = nowIso(deps);
  let fresh = false;
  unwrap(
    await mutateTicket(deps, ticketId, (ticket) => {
      status = stillDue(ticket);
      fresh = false;
      const earlier = ticket.history.findLast((h, i) => i > index && isSame(h));
      if (earlier) at = earlier.at;
      if (status !== 'due' || earlier) return ok(null);
      at = nowIso(deps);
      fresh = true;
      return ok({ next: recordHistory(ticket, entry(at)) });
    }),
  );
  return { status, at, fresh };
}

/** Records a reminder for one service level once per watched entry (see recordOnce). */
export function recordReminder(deps: HelpdeskDeps, ticketId: string, kind: SlaKind, index: number, assigneeId: string, stillDue: StillDue): Promise<Recorded> {
  return recordOnce(
    deps,
    ticketId,
    index,
    (h) => h.type === 'reminded' && slaOf(h) === kind,
    (at) => (kind === 'first-response' ? { type: 'reminded', at, assigneeId } : { type: 'reminded', at, assigneeId, sla: kind }),
    stillDue,
  );
}

/**
 * Escalates once per watched entry: records `escalated` with a
 * `ticket/escalated` event, then reassigns by policy without the current
 * assignee (rule `escalation`). When nobody else could take it the ticket
 * stays where it is and the admins are told. A retry after the reassignment
 * finds the ticket moved and does nothing more.
 */
export async function escalate(deps: HelpdeskDeps, ticketId: string, kind: SlaKind, watched: Pick<WatchedAssignment, 'index' | 'assigneeId'>, lateness: string, stillDue: StillDue): Promise<Escalation> {
  const ticket = await loadTicket(deps, ticketId);
  const status = stillDue(ticket);
  if (status !== 'due') return { status };
  const assignee = await refOf(deps, watched.assigneeId);
  const decision = await decideAssignee(deps, ticket.skills, [watched.assigneeId]);
  const late = `${assignee.displayName} ${lateness}`;
  const reason = decision.kind === 'assign' ? `${late}; moving it to the next best match.` : `${late}; nobody else can take it (${decision.reason}).`;

  let fresh = false;
  unwrap(
    await mutateTicket(deps, ticketId, (t) => {
      fresh = false;
      if (stillDue(t) !== 'due' || escalatedSince(t, watched, kind)) return ok(null);
      const at = nowIso(deps);
      fresh = true;
      return ok({
        next: recordHistory(t, kind === 'first-response' ? { type: 'escalated', at, reason } : { type: 'escalated', at, reason, sla: kind }),
        events: [outboxEvent('ticket/escalated', { ticketId, ref: t.ref, reason }, `${ticketId}:${t.version}`, at)],
      });
    }),
  );
  // Admins hear of it from the run that recorded it (a retried step, or a second run watching the same window, stays quiet).
  if (decision.kind === 'none') return fresh ? { status: 'admins', reason } : { status: 'escalated' };

  const moved = unwrap(await autoAssign(deps, ticketId, { actorId: null, exclude: [watched.assigneeId], initial: false, rule: 'escalation' }));
  // The candidate may have gone away meanwhile; assignment then leaves the
  // ticket unassigned and its own workflow tells the admins.
  if (moved.assigneeId === null) return { status: 'unassigned', reason };
  return { status: 'reassigned', to: moved.assigneeId, reason };
}
