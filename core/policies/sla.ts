import { isOpen, type HistoryEntry, type Iso, type Priority, type SlaKind, type Ticket } from '../domain/ticket.js';
import { addSpan, isZeroSpan, span, type BusinessCalendar, type Span } from './business-hours.js';

/**
 * Service levels per priority, each counted on the business clock:
 * - first response: once a ticket is assigned, its assignee has a window to
 *   start it or reply to the requester (an internal note does not count);
 * - next response: when the requester writes after staff answered, staff
 *   have a window to answer again;
 * - resolution: from filing (or reopening) to resolution.
 * When a window passes the assignee is reminded; when a second window passes
 * the ticket is escalated (responses: moved to the next best match;
 * resolution: the admins are told).
 */
export interface SlaSettings {
  readonly firstResponse: Readonly<Record<Priority, Span>>;
  readonly nextResponse: Readonly<Record<Priority, Span>>;
  readonly resolution: Readonly<Record<Priority, Span>>;
  /** Opening hours the clocks run in; null runs them around the clock. */
  readonly calendar: BusinessCalendar | null;
  /** Priorities whose clocks run around the clock even with a calendar (e.g. HIGH). */
  readonly allHours: readonly Priority[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_SLA: SlaSettings = {
  firstResponse: { HIGH: span(30 * MINUTE), MEDIUM: span(4 * HOUR), LOW: span(24 * HOUR) },
  nextResponse: { HIGH: span(1 * HOUR), MEDIUM: span(8 * HOUR), LOW: span(24 * HOUR) },
  resolution: { HIGH: span(8 * HOUR), MEDIUM: span(0, 3), LOW: span(0, 10) },
  calendar: null,
  allHours: [],
};

const SETTING: Record<SlaKind, 'firstResponse' | 'nextResponse' | 'resolution'> = {
  'first-response': 'firstResponse',
  'next-response': 'nextResponse',
  resolution: 'resolution',
};

/** The window of one service level for a priority; a zero span turns it off. Settings without an SLA use the defaults. */
export function slaWindow(sla: SlaSettings | undefined, kind: SlaKind, priority: Priority): Span {
  const s = (sla ?? DEFAULT_SLA)[SETTING[kind]][priority];
  return s && Number.isFinite(s.ms) && Number.isFinite(s.days) && !isZeroSpan(s) ? s : span(0);
}

/** Whether a service level applies to a priority at all. */
export function slaIsOn(sla: SlaSettings | undefined, kind: SlaKind, priority: Priority): boolean {
  return !isZeroSpan(slaWindow(sla, kind, priority));
}

/** The clock a priority's service levels run on: the calendar, or around the clock. */
export function slaCalendar(sla: SlaSettings | undefined, priority: Priority): BusinessCalendar | null {
  const s = sla ?? DEFAULT_SLA;
  return s.allHours.includes(priority) ? null : s.calendar;
}

/** When a window that opened at `from` closes, on the priority's clock. */
export function slaDeadline(sla: SlaSettings | undefined, kind: SlaKind, priority: Priority, from: Iso): Iso {
  return new Date(addSpan(slaCalendar(sla, priority), Date.parse(from), slaWindow(sla, kind, priority))).toISOString();
}

/**
 * The assignment an SLA run watches: the history entry that gave the ticket
 * to its assignee, or the reopening that handed a resolved ticket back to
 * the assignee who still holds it. A later assignment change (even back to
 * the same person) has a new index, and its own SLA run.
 */
export interface WatchedAssignment {
  readonly index: number;
  readonly at: Iso;
  readonly assigneeId: string;
}

/** The history entry behind the ticket's current assignee (an assignment or a reopening), or null when nobody holds it. */
export function currentAssignment(ticket: Pick<Ticket, 'history' | 'assigneeId'>): WatchedAssignment | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (!h) continue;
    let to: string | null | undefined;
    if (h.type === 'assigned') to = h.assigneeId;
    else if (h.type === 'reassigned') to = h.toId;
    else if (h.type === 'unassigned') to = null;
    // Reopened with its assignee: work on it starts over from here.
    else if (h.type === 'reopened' && ticket.assigneeId !== null) to = ticket.assigneeId;
    // A corrected priority starts the window over with the new priority.
    else if (h.type === 'triage-corrected' && h.changes.some((c) => c.field === 'priority') && ticket.assigneeId !== null) to = ticket.assigneeId;
    else continue;
    return to !== null && to === ticket.assigneeId ? { index: i, at: h.at, assigneeId: to } : null;
  }
  return null;
}

/** Where a watched ticket stands: still due for the SLA, or no longer its business. */
export type SlaStatus = 'due' | 'started' | 'responded' | 'resolved' | 'reassigned';

/**
 * Whether the SLA still applies: the ticket is open, not started, and still
 * held through the watched assignment. Starting, resolving or reassigning
 * ends the run (a reassignment starts its own).
 */
export function checkSla(ticket: Pick<Ticket, 'status' | 'history' | 'assigneeId' | 'requesterId'>, watched: WatchedAssignment): SlaStatus {
  if (!isOpen(ticket)) return 'resolved';
  if (ticket.status === 'IN_PROGRESS') return 'started';
  if (respondedSince(ticket, watched.index)) return 'responded';
  const current = currentAssignment(ticket);
  return current !== null && current.index === watched.index && current.assigneeId === watched.assigneeId ? 'due' : 'reassigned';
}

/** Whether staff answered the requester after history entry `index`: a message by anyone but the requester (internal notes are another entry type). */
export function respondedSince(ticket: Pick<Ticket, 'history' | 'requesterId'>, index: number): boolean {
  return ticket.history.some((h, i) => i > index && isStaffReply(ticket, h));
}

/** A message to the requester from staff. */
export function isStaffReply(ticket: Pick<Ticket, 'requesterId'>, h: HistoryEntry): boolean {
  return h.type === 'message' && h.actorId !== ticket.requesterId;
}

/** The service level a reminder or escalation entry belongs to (entries from before there were several are first-response). */
export function slaOf(h: HistoryEntry): SlaKind | null {
  return h.type === 'reminded' || h.type === 'escalated' ? (h.sla ?? 'first-response') : null;
}

/** Whether this service level was already reminded after entry `watched.index`, so a retried or repeated run reminds once. */
export function remindedSince(ticket: Pick<Ticket, 'history'>, watched: Pick<WatchedAssignment, 'index'>, kind: SlaKind = 'first-response'): boolean {
  return ticket.history.some((h, i) => i > watched.index && h.type === 'reminded' && slaOf(h) === kind);
}

/** Whether this service level was already escalated after entry `watched.index`. */
export function escalatedSince(ticket: Pick<Ticket, 'history'>, watched: Pick<WatchedAssignment, 'index'>, kind: SlaKind = 'first-response'): boolean {
  return ticket.history.some((h, i) => i > watched.index && h.type === 'escalated' && slaOf(h) === kind);
}

/** `at` plus `ms`, as ISO. */
export function addMs(at: Iso, ms: number): Iso {
  return new Date(Date.parse(at) + ms).toISOString();
}

/** How people say a span: "30 minutes", "2 business days", "4 business hours" (with a calendar). */
export function formatSpan(s: Span, calendar: BusinessCalendar | null): string {
  const business = calendar === null ? '' : 'business ';
  const parts: string[] = [];
  if (s.days > 0) parts.push(`${s.days} ${business}day${s.days === 1 ? '' : 's'}`);
  if (s.ms > 0 || parts.length === 0) {
    const text = formatWindow(s.ms);
    parts.push(calendar === null ? text : text.replace(/ (day|hour|minute|second)/, ' business $1'));
  }
  return parts.join(' and ');
}

/** "30 minutes", "4 hours", "1 day", "90 seconds": how people say a window. */
export function formatWindow(ms: number): string {
  const units: [number, string][] = [
    [24 * HOUR, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  if (ms >= MINUTE) return `${Math.round(ms / MINUTE)} minutes`;
  return `${Math.max(1, Math.round(ms / 1_000))} seconds`;
}
