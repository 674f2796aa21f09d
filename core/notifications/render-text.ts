import { formatRef, type SlaKind, type Ticket } from '../domain/ticket.js';
import { currentRating } from '../policies/lifecycle.js';
import type { Notification, PersonRef } from './notification.js';

/**
 * What a requester is told while nobody has their ticket: that an admin was
 * told only when one was actually reached. Every renderer uses this wording.
 */
export function waitingText(adminsTold: boolean): string {
  return adminsTold ? 'is waiting for a moderator; an admin has been told.' : 'is waiting in the queue for a moderator to pick it up.';
}

/**
 * Plain-text rendering of a notification, for the console and the text part
 * of emails. Requester-facing messages never include moderator notes.
 */
export function renderText(n: Notification): string {
  const t = n.ticket;
  const head = `${formatRef(t.ref)} ${t.title}`;
  switch (n.kind) {
    case 'ticket.filed':
      return `Ticket ${head} filed. Status: ${statusText(t)}. I'll tell you here when something changes.`;
    case 'ticket.triaged':
      return `${formatRef(t.ref)} triaged: ${t.category}, ${t.priority} priority.${t.summary ? ` Summary: ${t.summary}` : ''}`;
    case 'ticket.assigned':
      return n.assignee
        ? `${formatRef(t.ref)} is assigned to ${n.assignee.displayName}.`
        : `${formatRef(t.ref)} ${waitingText(n.adminsTold === true)}`;
    case 'ticket.assignment':
      return [`New ticket for you: ${head}`, ...moderatorCard(t, n.requester), `Why you: ${n.reason}`, actionsHint(t)].join('\n');
    case 'ticket.card':
      return [`Update on ${head}: ${statusText(t)}`, ...(t.resolution ? [`Resolution: ${t.resolution}`] : []), ...ratingLines(t), actionsHint(t)].join('\n');
    case 'ticket.unassigned-from':
      return `${head} was reassigned${n.to ? ` to ${n.to.displayName}` : ''}; you no longer need to act on it.`;
    case 'ticket.needs-assignee':
      return `${head} needs an assignee: ${n.reason}\nAssign it with /reassign ${formatRef(t.ref)} @someone`;
    case 'ticket.started':
      return `${n.by.displayName} started working on ${formatRef(t.ref)}.`;
    case 'ticket.resolved':
      return `${formatRef(t.ref)} was resolved by ${n.by.displayName}: ${t.resolution ?? ''}\nNot fixed? /reopen ${formatRef(t.ref)}`;
    case 'ticket.reopened':
      return `${n.by.displayName} reopened ${head}.`;
    case 'ticket.message':
      return `${n.from.displayName} on ${formatRef(t.ref)}: ${n.text}`;
    case 'sla.reminder':
      return slaReminderText(n.sla ?? 'first-response', head, t, n.dueAt);
    case 'sla.escalated':
      return `Escalated: ${head} (${t.priority}) ${n.sla === 'resolution' ? 'was' : 'was not started or answered in time:'} ${n.reason}`;
    case 'ticket.nudge':
      return `${n.from.displayName} is waiting for your answer on ${head}. Reply here to carry on${n.closesAt ? `; without an answer it closes itself on ${n.closesAt.slice(0, 16).replace('T', ' ')} UTC` : ''}.`;
    case 'ticket.note':
      return `Internal note from ${n.from.displayName} on ${formatRef(t.ref)} (the requester does not see it): ${n.text}`;
    case 'ticket.rated':
      return `${n.by.displayName} rated ${head} ${n.rating === 'good' ? '👍' : '👎'}${n.comment ? `: ${n.comment}` : ''}${n.rating === 'bad' && t.status === 'DONE' ? `\nNot solved after all? /reopen ${formatRef(t.ref)}` : ''}`;
  }
}

/** What the assignee is reminded of, per service level. */
export function slaReminderText(sla: SlaKind, head: string, t: Ticket, dueAt: string): string {
  const r = formatRef(t.ref);
  if (sla === 'next-response') return `Reminder: the requester of ${head} (${t.priority}) is waiting for an answer since before ${dueAt}. /say ${r} <message>`;
  if (sla === 'resolution') return `Reminder: ${head} (${t.priority}) should have been resolved by ${dueAt}. /resolve ${r} <note>`;
  return `Reminder: ${head} (${t.priority}) should have been started or answered by ${dueAt}. /start ${r}`;
}

function statusText(t: Ticket): string {
  return { TODO: 'to do', IN_PROGRESS: 'in progress', DONE: 'resolved' }[t.status];
}

/** The moderator's view of a ticket: everything, including notes and similar tickets. */
export function moderatorCard(t: Ticket, requester: PersonRef): string[] {
  const lines = [
    `Priority: ${t.priority} · Category: ${t.category} · Skills: ${t.skills.length ? t.skills.join(', ') : 'none'}`,
    `From: ${requester.displayName}`,
  ];
  if (t.summary) lines.push(`Summary: ${t.summary}`);
  if (t.description && t.description !== t.title) lines.push(`Description: ${t.description}`);
  if (t.notes) lines.push(`Notes:\n${indent(t.notes)}`);
  if (t.suggestedFix) lines.push(`Suggested fix: ${t.suggestedFix}`);
  if (t.similar.length) {
    lines.push('Similar resolved tickets:');
    for (const s of t.similar) lines.push(`  ${formatRef(s.ref)} ${s.title} — ${s.resolution}`);
  }
  lines.push(...ratingLines(t));
  return lines;
}

/** The requester's current rating of the latest resolution, for staff (nothing while unrated). */
export function ratingLines(t: Pick<Ticket, 'history' | 'status'>): string[] {
  const r = currentRating(t);
  if (!r) return [];
  return [`Rating: ${r.rating === 'good' ? '👍 good' : '👎 bad'} (by the requester)${r.comment ? `: ${r.comment}` : ''}`];
}

function actionsHint(t: Ticket): string {
  const r = formatRef(t.ref);
  if (t.status === 'TODO') return `Actions: /start ${r} · /resolve ${r} <note> · /reassign ${r} [@someone]`;
  if (t.status === 'IN_PROGRESS') return `Actions: /resolve ${r} <note> · /reassign ${r} [@someone]`;
  return `Actions: /reopen ${r}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
