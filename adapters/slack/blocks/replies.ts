import { waitingText, type Notification } from '../../../core/index.js';
import type { SlackMessage } from './cards.js';
import { personLabel, priorityLabel, quote, slackDate } from './format.js';
import { ACTIONS, ticketButtonValue } from './ids.js';
import { button, context, fallback, section, userText, type KnownBlock } from './limits.js';
import { ratingButtons } from './rating.js';

/**
 * A notification as a reply in the person's ticket thread, or null for the
 * kinds that are cards rather than replies. Requester replies never include
 * staff-only fields.
 */
export function buildThreadReply(n: Notification): SlackMessage | null {
  const t = n.ticket;
  const ref = `#${t.ref}`;
  switch (n.kind) {
    case 'ticket.filed':
    case 'ticket.card':
    case 'ticket.needs-assignee':
    case 'sla.escalated':
      return null;
    case 'ticket.triaged':
      return reply(
        `${ref} triaged: ${t.category}, ${t.priority.toLowerCase()} priority.`,
        [section(`Triaged: *${userText(t.category)}*, ${priorityLabel(t.priority)} priority.${t.summary ? `\n${quote(userText(t.summary))}` : ''}`)],
      );
    case 'ticket.assigned':
      return n.assignee
        ? reply(`${ref} is assigned to ${n.assignee.displayName}.`, [section(`Assigned to ${personLabel(n.assignee)}.`)])
        : reply(`${ref} ${waitingText(n.adminsTold === true)}`, [section(`${ref} ${waitingText(n.adminsTold === true)}`)]);
    case 'ticket.assignment':
      return reply(`${ref} is assigned to you: ${n.reason}`, [section(`:inbox_tray: Assigned to you — ${userText(n.reason)}`)]);
    case 'ticket.unassigned-from':
      return reply(`${ref} was reassigned.`, [section(`${ref} was reassigned${n.to ? ` to ${personLabel(n.to)}` : ''}; you no longer need to act on it.`)]);
    case 'ticket.started':
      return reply(`${n.by.displayName} started working on ${ref}.`, [section(`${personLabel(n.by)} started working on it.`)]);
    case 'ticket.resolved':
      return reply(`${ref} was resolved by ${n.by.displayName}: ${t.resolution ?? ''}`, [
        section(`:white_check_mark: *Resolved* by ${personLabel(n.by)}${t.resolution ? `\n${quote(userText(t.resolution))}` : ''}`),
        context(['Not fixed? Reopen the ticket and it goes back to the queue. How did it go? Rate it (a later click changes it).']),
        { type: 'actions', block_id: `ticket:${t.id}`, elements: [button('Reopen', ACTIONS.reopen, ticketButtonValue(t))] },
        ratingButtons(t),
      ]);
    case 'ticket.reopened':
      return reply(`${n.by.displayName} reopened ${ref}.`, [section(`:arrows_counterclockwise: ${personLabel(n.by)} reopened ${ref}.`)]);
    case 'ticket.message':
      return reply(`${n.from.displayName} on ${ref}: ${n.text}`, [
        section(`${personLabel(n.from)}:\n${quote(userText(n.text))}`),
        context(['Reply in this thread to answer.']),
      ]);
    case 'ticket.nudge':
      return reply(`${n.from.displayName} is waiting for your answer on ${ref}.`, [
        section(`:wave: ${personLabel(n.from)} is waiting for your answer on ${ref}. Reply in this thread to carry on.`),
        ...(n.closesAt ? [context([`Without an answer the ticket closes itself ${slackDate(n.closesAt)}; a reply reopens it.`])] : []),
      ]);
    case 'ticket.note':
      return reply(`Internal note from ${n.from.displayName} on ${ref}: ${n.text}`, [
        section(`:lock: *Internal note from ${personLabel(n.from)}*\n${quote(userText(n.text))}`),
        context(['Staff only: the requester does not see notes.']),
      ]);
    case 'ticket.rated':
      return reply(`${n.by.displayName} rated ${ref} ${n.rating === 'good' ? '👍' : '👎'}`, [
        section(`${n.rating === 'good' ? ':+1:' : ':-1:'} ${personLabel(n.by)} rated the resolution${n.comment ? `:\n${quote(userText(n.comment))}` : '.'}`),
        ...(n.rating === 'bad' && t.status === 'DONE' ? [{ type: 'actions', block_id: `ticket:${t.id}`, elements: [button('Reopen', ACTIONS.reopen, ticketButtonValue(t))] } as KnownBlock] : []),
      ]);
    case 'sla.reminder':
      if (n.sla === 'next-response' || n.sla === 'resolution')
        return reply(`Reminder: ${ref} ${n.sla === 'resolution' ? 'should have been resolved' : 'needs an answer to the requester'} by ${n.dueAt}.`, [
          section(`:alarm_clock: Reminder: ${ref} (${priorityLabel(t.priority)}) ${n.sla === 'resolution' ? 'should have been resolved' : 'needs an answer to the requester'} by ${slackDate(n.dueAt)}.`),
        ]);
      return reply(`Reminder: ${ref} should have been started by ${n.dueAt}.`, [
        section(`:alarm_clock: Reminder: ${ref} (${priorityLabel(t.priority)}) should have been started by ${slackDate(n.dueAt)}.`),
        ...(t.status === 'TODO' ? [{ type: 'actions', block_id: `ticket:${t.id}`, elements: [button('Start', ACTIONS.start, ticketButtonValue(t), 'primary')] } as KnownBlock] : []),
      ]);
  }
}

function reply(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fallback(text), blocks };
}
