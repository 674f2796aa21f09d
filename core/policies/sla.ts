import { isOpen, type Iso, type Priority, type Ticket } from '../domain/ticket.js';

/**
 * Service level for starting work: once a ticket is assigned, its assignee
 * has a window (by priority) to start it. When the window passes the
 * assignee is reminded; when a second window passes the ticket is escalated.
 */
export interface SlaSettings {
  /** Milliseconds an assignee has to start a ticket, per priority. 0 turns the SLA off for that priority. */
  readonly startWithinMs: Readonly<Record<Priority, number>>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_SLA: SlaSettings = {
  startWithinMs: { HIGH: 30 * MINUTE, MEDIUM: 4 * HOUR, LOW: 24 * HOUR },
};

/** The start window for a priority; settings without an SLA use the defaults. */
export function startWindowMs(sla: SlaSettings | undefined, priority: Priority): number {
  const ms = (sla ?? DEFAULT_SLA).startWithinMs[priority];
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
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
export type SlaStatus = 'due' | 'started' | 'resolved' | 'reassigned';

/**
 * Whether the SLA still applies: the ticket is open, not started, and still
 * held through the watched assignment. Starting, resolving or reassigning
 * ends the run (a reassignment starts its own).
 */
export function checkSla(ticket: Pick<Ticket, 'status' | 'history' | 'assigneeId'>, watched: WatchedAssignment): SlaStatus {
  if (!isOpen(ticket)) return 'resolved';
  if (ticket.status === 'IN_PROGRESS') return 'started';
  const current = currentAssignment(ticket);
  return current !== null && current.index === watched.index && current.assigneeId === watched.assigneeId ? 'due' : 'reassigned';
}

/** Whether the watched assignee was already reminded, so a retried step reminds once. */
export function remindedSince(ticket: Pick<Ticket, 'history'>, watched: WatchedAssignment): boolean {
  return ticket.history.some((h, i) => i > watched.index && h.type === 'reminded' && h.assigneeId === watched.assigneeId);
}

/** Whether the watched assignment was already escalated. */
export function escalatedSince(ticket: Pick<Ticket, 'history'>, watched: WatchedAssignment): boolean {
  return ticket.history.some((h, i) => i > watched.index && h.type === 'escalated');
}

/** `at` plus `ms`, as ISO. */
export function addMs(at: Iso, ms: number): Iso {
  return new Date(Date.parse(at) + ms).toISOString();
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
