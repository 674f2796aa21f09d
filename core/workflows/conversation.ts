import { outboxEvent, parseEvent } from '../domain/events.js';
import { ok, unwrap } from '../domain/errors.js';
import * as T from '../domain/ticket.js';
import { addSpan, isZeroSpan, type Span } from '../policies/business-hours.js';
import { awaiting, DEFAULT_LIFECYCLE, holdLiftedSince, isOnHold, lastMessage, type Awaiting } from '../policies/lifecycle.js';
import { formatSpan, respondedSince, slaCalendar, slaDeadline, slaIsOn, slaWindow } from '../policies/sla.js';
import type { WorkflowStep } from '../ports/step.js';
import { nowIso, type HelpdeskDeps } from '../usecases/deps.js';
import { mutateTicket } from '../usecases/mutate.js';
import { loadTicket, notifyPerson, refOf } from './notify.js';
import { escalate, notifyEscalation, recordOnce, recordReminder, type Recorded, type StillDue } from './sla.js';
import { waitUntil } from './timers.js';
import type { WorkflowDefinition } from './workflow.js';

type Watched = Awaiting & { readonly priority: T.Priority; readonly assigneeId: string | null; readonly since: string };

/**
 * Who owes the next message, one run per message (`ticket/message`):
 * - the requester wrote after staff answered → next-response SLA: the
 *   assignee is reminded when the window passes on the business clock, and
 *   the ticket moves to the next best match after a second window;
 * - staff wrote and the requester is silent → after `NUDGE_AFTER` the
 *   requester gets one nudge, after `AUTO_CLOSE_AFTER` more the ticket is
 *   resolved with a note that says why.
 * Any later message (from the requester: an answer; from staff: a new
 * question with its own run), a resolution, a hold or a reassignment ends
 * the run at its next check.
 */
export function ticketConversation(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-conversation',
    trigger: 'ticket/message',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, seq } = parseEvent('ticket/message', event.data);
      // The message is the history entry the event was saved with.
      return watchConversation(deps, step, ticketId, seq - 1);
    },
  };
}

/** The same timers set again from the conversation as it stands (`ticket/timers-rearm`: a switch of engines, a hold lifted). */
export function ticketConversationRearm(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-conversation-rearm',
    trigger: 'ticket/timers-rearm',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId } = parseEvent('ticket/timers-rearm', event.data);
      return watchConversation(deps, step, ticketId, null);
    },
  };
}

async function watchConversation(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, messageIndex: number | null): Promise<{ outcome: string }> {
  const watched = await step.run('watch', async (): Promise<Watched | null> => {
    const ticket = await loadTicket(deps, ticketId);
    const owed = awaiting(ticket);
    if (!T.isOpen(ticket) || owed === null) return null;
    // A requester's follow-up before staff answered is already watched by the run of their first message.
    if (messageIndex !== null && owed.index !== messageIndex) return null;
    const since = owed.who === 'requester' ? (holdLiftedSince(ticket, owed.index) ?? owed.at) : owed.at;
    return { ...owed, since, priority: ticket.priority, assigneeId: ticket.assigneeId };
  });
  if (watched === null) return { outcome: 'nothing-due' };
  return watched.who === 'staff' ? watchNextResponse(deps, step, ticketId, watched) : watchRequester(deps, step, ticketId, watched);
}

/** Next-response SLA: staff owe an answer since the requester's message. */
async function watchNextResponse(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, watched: Watched): Promise<{ outcome: string }> {
  const sla = deps.settings.sla;
  const assigneeId = watched.assigneeId;
  if (assigneeId === null) return { outcome: 'unassigned' };
  if (!slaIsOn(sla, 'next-response', watched.priority)) return { outcome: 'off' };
  const stillDue: StillDue = (t) =>
    !T.isOpen(t) ? 'resolved' : respondedSince(t, watched.index) ? 'responded' : t.assigneeId !== assigneeId ? 'reassigned' : 'due';

  const dueAt = slaDeadline(sla, 'next-response', watched.priority, watched.since);
  const first = await waitUntil(deps, step, 'wait-answer', dueAt);
  if (first !== 'due') return { outcome: first };
  const reminder = await step.run('remind', () => recordReminder(deps, ticketId, 'next-response', watched.index, assigneeId, stillDue));
  if (reminder.status !== 'due') return { outcome: reminder.status };
  if (reminder.fresh)
    await step.run('notify-reminder', async () => {
      const ticket = await loadTicket(deps, ticketId);
      return notifyPerson(deps, assigneeId, { kind: 'sla.reminder', audience: 'moderator', ticket, dueAt, sla: 'next-response' });
    });

  const second = await waitUntil(deps, step, 'wait-answer-after-reminder', slaDeadline(sla, 'next-response', watched.priority, reminder.at));
  if (second !== 'due') return { outcome: second };
  const late = formatSpan(slaWindow(sla, 'next-response', watched.priority), slaCalendar(sla, watched.priority));
  const escalation = await step.run('escalate', () =>
    escalate(deps, ticketId, 'next-response', { index: watched.index, assigneeId }, `was reminded after ${late} and has not answered the requester ${late} later`, stillDue),
  );
  await notifyEscalation(deps, step, ticketId, escalation);
  return { outcome: escalation.status };
}

/** Waiting on the requester since staff's message: one nudge, then the ticket closes itself. */
async function watchRequester(deps: HelpdeskDeps, step: WorkflowStep, ticketId: string, watched: Watched): Promise<{ outcome: string }> {
  const settings = deps.settings.lifecycle ?? DEFAULT_LIFECYCLE;
  if (isZeroSpan(settings.nudgeAfter)) return { outcome: 'off' };
  const calendar = deps.settings.sla?.calendar ?? null;
  const stillDue: StillDue = (t) => {
    if (!T.isOpen(t)) return 'resolved';
    if (isOnHold(t)) return 'on-hold';
    const last = lastMessage(t);
    if (last && last.index !== watched.index) return last.fromRequester ? 'answered' : 'superseded';
    return 'due';
  };

  const nudgeAt = iso(addSpan(calendar, Date.parse(watched.since), settings.nudgeAfter));
  const first = await waitUntil(deps, step, 'wait-reply', nudgeAt);
  if (first !== 'due') return { outcome: first };
  const closesAfter = settings.autoCloseAfter;
  const nudge = await step.run('nudge', () => recordNudge(deps, ticketId, watched.index, stillDue));
  if (nudge.status !== 'due') return { outcome: nudge.status };
  const closeAt = isZeroSpan(closesAfter) ? null : iso(addSpan(calendar, Date.parse(nudge.at), closesAfter));
  if (nudge.fresh)
    await step.run('notify-nudge', async () => {
      const ticket = await loadTicket(deps, ticketId);
      return notifyPerson(deps, ticket.requesterId, { kind: 'ticket.nudge', audience: 'requester', ticket, from: await refOf(deps, watched.actorId), closesAt: closeAt });
    });
  if (closeAt === null) return { outcome: 'nudged' };

  const second = await waitUntil(deps, step, 'wait-reply-after-nudge', closeAt);
  if (second !== 'due') return { outcome: second };
  const silentFor = formatSpan(addSpans(settings.nudgeAfter, closesAfter), calendar);
  return step.run('auto-close', () => autoClose(deps, ticketId, watched, silentFor, stillDue));
}

/** Records the nudge once per staff message (see recordOnce). */
function recordNudge(deps: HelpdeskDeps, ticketId: string, index: number, stillDue: StillDue): Promise<Recorded> {
  return recordOnce(deps, ticketId, index, (h) => h.type === 'nudged', (at) => ({ type: 'nudged', at }), stillDue);
}

/** Resolves the ticket for want of an answer, with a note that says why and how to reopen it. */
async function autoClose(deps: HelpdeskDeps, ticketId: string, watched: Watched, silentFor: string, stillDue: StillDue): Promise<{ outcome: string }> {
  const settings = deps.settings.lifecycle ?? DEFAULT_LIFECYCLE;
  const asker = await refOf(deps, watched.actorId);
  const reopenWithin = formatSpan({ days: 0, ms: settings.reopenWindowMs }, null);
  let outcome = 'closed';
  unwrap(
    await mutateTicket(deps, ticketId, (ticket) => {
      outcome = stillDue(ticket);
      if (outcome !== 'due' || !ticket.history.some((h, i) => i > watched.index && h.type === 'nudged')) return ok(null);
      outcome = 'closed';
      const at = nowIso(deps);
      const note =
        `Closed automatically: ${asker.displayName} asked you something and there was no answer for ${silentFor}, after one reminder. ` +
        `Reply here within ${reopenWithin} (or reopen it) if you still need help, and it opens again.`;
      const resolved = T.resolve(ticket, watched.actorId, note, at);
      if (!resolved.ok) return resolved;
      const history = [...resolved.value.history];
      const entry = history.pop();
      if (entry?.type !== 'resolved') return ok(null);
      return ok({
        next: { ...resolved.value, history: [...history, { ...entry, auto: 'no-reply' as const }] },
        events: [outboxEvent('ticket/resolved', { ticketId, ref: ticket.ref, actorId: watched.actorId }, `${ticketId}:${ticket.version}`, at)],
      });
    }),
  );
  return { outcome };
}

function addSpans(a: Span, b: Span): Span {
  return { days: a.days + b.days, ms: a.ms + b.ms };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
