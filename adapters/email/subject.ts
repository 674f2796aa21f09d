import { clip, formatRef, type Notification } from '../../core/index.js';

const TITLE_MAX = 80;

/** `[#12] Printer on floor 3 is jammed — assigned to you`: the ticket first, then what happened. */
export function emailSubject(n: Notification): string {
  const title = clip(n.ticket.title.replace(/\s+/g, ' ').trim(), TITLE_MAX);
  return `[${formatRef(n.ticket.ref)}] ${title} — ${whatHappened(n)}`;
}

/** A few words on what this message is about, for the subject line. */
export function whatHappened(n: Notification): string {
  switch (n.kind) {
    case 'ticket.filed':
      return 'received';
    case 'ticket.triaged':
      return `triaged as ${n.ticket.priority.toLowerCase()} priority`;
    case 'ticket.assigned':
      return n.assignee ? `assigned to ${n.assignee.displayName}` : 'waiting for a moderator';
    case 'ticket.assignment':
      return 'assigned to you';
    case 'ticket.card':
      return { TODO: 'updated', IN_PROGRESS: 'in progress', DONE: 'resolved' }[n.ticket.status];
    case 'ticket.unassigned-from':
      return n.to ? `moved to ${n.to.displayName}` : 'moved off your queue';
    case 'ticket.needs-assignee':
      return 'needs an assignee';
    case 'ticket.started':
      return `${n.by.displayName} started working on it`;
    case 'ticket.resolved':
      return 'resolved';
    case 'ticket.reopened':
      return `reopened by ${n.by.displayName}`;
    case 'ticket.message':
      return `message from ${n.from.displayName}`;
    case 'sla.reminder':
      return 'not started yet';
    case 'sla.escalated':
      return n.sla === 'resolution' ? 'escalated: not resolved in time' : 'escalated: not started in time';
    case 'ticket.nudge':
      return 'waiting for your answer';
    case 'ticket.note':
      return `internal note from ${n.from.displayName}`;
    case 'ticket.rated':
      return n.rating === 'good' ? 'rated 👍' : 'rated 👎';
  }
}
