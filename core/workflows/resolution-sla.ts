import { outboxEvent, parseEvent } from '../domain/events.js';
import { ok, unwrap } from '../domain/errors.js';
import * as T from '../domain/ticket.js';
import { escalatedSince, formatSpan, slaCalendar, slaDeadline, slaIsOn, slaWindow } from '../policies/sla.js';
import type { WorkflowStep } from '../ports/step.js';
import { nowIso, type HelpdeskDeps } from '../usecases/deps.js';
import { mutateTicket } from '../usecases/mutate.js';
import { loadTicket, notifyAdmins, notifyPerson } from './notify.js';
import { recordReminder, type StillDue } from './sla.js';
import { waitUntil } from './timers.js';
import type { WorkflowDefinition } from './workflow.js';

interface Watched {
  readonly index: number;
  readonly at: string;
  readonly priority: T.Priority;
}

/**
 * Resolution SLA, from filing (`ticket/triaged`, once the priority is
 * known) or reopening (`ticket/reopened`) to resolution, on the priority's
 * business clock. When the window passes the assignee is reminded; after a
 * second window the admins are told (the ticket stays where it is: someone
 * is working on it, just not fast enough). Resolution ends it.
 */
export function ticketResolutionSla(deps: HelpdeskDeps): WorkflowDefinition {
  return resolutionWorkflow(deps, 'ticket-resolution-sla', 'ticket/triaged');
}

/** The resolution SLA again after a reopening. */
export function ticketResolutionSlaAfterReopen(deps: HelpdeskDeps): WorkflowDefinition {
  return resolutionWorkflow(deps, 'ticket-resolution-sla-reopened', 'ticket/reopened');
}

/** The resolution SLA set again from the ticket as it stands (`ticket/timers-rearm`). */
export function ticketResolutionSlaRearm(deps: HelpdeskDeps): WorkflowDefinition {
  return resolutionWorkflow(deps, 'ticket-resolution-sla-rearm', 'ticket/timers-rearm');
}

function resolutionWorkflow(deps: HelpdeskDeps, id: string, trigger: 'ticket/triaged' | 'ticket/reopened' | 'ticket/timers-rearm'): WorkflowDefinition {
  return {
    id,
    trigger,
    concurrencyKey: 'ticketId',
    // It opens by reading the ticket ('watch'), then waits.
    readOnlySteps: ['watch'],
    async run(event, step) {
      const { ticketId } = parseEvent(trigger, event.data);
      return watchResolution(deps, step, ticketId);
    },
  };
}

/** The history entry the resolution clock runs from: the filing, or the latest reopening. */
export function resolutionAnchor(ticket: Pick<T.Ticket, 'history'>): { index: number; at: string } | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (h?.type === 'filed' || h?.type === 'reopened') return { index: i, at: h.at };
  }
  return null;
}

async function watchResolution(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string): Promise<{ outcome: string }> {
  const sla = deps.settings.sla;
  const watched = await step.run('watch', async (): Promise<Watched | null> => {
    const ticket = await loadTicket(deps, ticketId);
    const anchor = resolutionAnchor(ticket);
    if (!T.isOpen(ticket) || anchor === null) return null;
    return { ...anchor, priority: ticket.priority };
  });
  if (watched === null) return { outcome: 'nothing-due' };
  if (!slaIsOn(sla, 'resolution', watched.priority)) return { outcome: 'off' };
  const stillDue: StillDue = (t) => (!T.isOpen(t) ? 'resolved' : resolutionAnchor(t)?.index !== watched.index ? 'superseded' : 'due');

  const dueAt = slaDeadline(sla, 'resolution', watched.priority, watched.at);
  const first = await waitUntil(deps, step, 'wait-resolution', dueAt, { event: 'ticket/resolved' });
  if (first !== 'due') return { outcome: first === 'woken' ? 'resolved' : first };

  const assigneeId = await step.run('assignee', async () => (await loadTicket(deps, ticketId)).assigneeId);
  if (assigneeId !== null) {
    const reminder = await step.run('remind', () => recordReminder(deps, ticketId, 'resolution', watched.index, assigneeId, stillDue));
    if (reminder.status !== 'due') return { outcome: reminder.status };
    if (reminder.fresh)
      await step.run('notify-reminder', async () => {
        const ticket = await loadTicket(deps, ticketId);
        return notifyPerson(deps, assigneeId, { kind: 'sla.reminder', audience: 'moderator', ticket, dueAt, sla: 'resolution' });
      });
    const second = await waitUntil(deps, step, 'wait-resolution-after-reminder', slaDeadline(sla, 'resolution', watched.priority, reminder.at), { event: 'ticket/resolved' });
    if (second !== 'due') return { outcome: second === 'woken' ? 'resolved' : second };
  }

  const late = formatSpan(slaWindow(sla, 'resolution', watched.priority), slaCalendar(sla, watched.priority));
  const escalated = await step.run('escalate', async () => {
    let reason: string | null = null;
    unwrap(
      await mutateTicket(deps, ticketId, (t) => {
        reason = null;
        if (stillDue(t) !== 'due' || escalatedSince(t, watched, 'resolution')) return ok(null);
        const at = nowIso(deps);
        const text = `not resolved within ${late}${assigneeId ? ', and not since the reminder' : ' and nobody holds it'}.`;
        reason = text;
        return ok({
          next: T.recordHistory(t, { type: 'escalated', at, reason: text, sla: 'resolution' }),
          events: [outboxEvent('ticket/escalated', { ticketId, ref: t.ref, reason: text }, `${ticketId}:${t.version}`, at)],
        });
      }),
    );
    return reason;
  });
  if (escalated === null) return { outcome: 'resolved-or-escalated' };
  await step.run('notify-admins', async () => {
    const ticket = await loadTicket(deps, ticketId);
    return notifyAdmins(deps, { kind: 'sla.escalated', audience: 'admin', ticket, reason: escalated, sla: 'resolution' });
  });
  return { outcome: 'admins' };
}
