import type { Notification } from '../../../core/index.js';
import type { SlackMessage } from './cards.js';
import { personLabel, priorityLabel, quote, slackDate } from './format.js';
import { ACTIONS, ticketButtonValue } from './ids.js';
import { button, context, escapeMrkdwn, fallback, section, type KnownBlock } from './limits.js';

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
        [section(`Triaged: *${escapeMrkdwn(t.category)}*, ${priorityLabel(t.priority)} priority.${t.summary ? `\n${quote(escapeMrkdwn(t.summary))}` : ''}`)],
      );
    case 'ticket.assigned':
      return n.assignee
        ? reply(`${ref} is assigned to ${n.assignee.displayName}.`, [section(`Assigned to ${personLabel(n.assignee)}.`)])
        : reply(`${ref} is waiting for a moderator.`, [section('Waiting for a moderator; an admin has been told.')]);
    case 'ticket.assignment':
      return reply(`${ref} is assigned to you: ${n.reason}`, [section(`:inbox_tray: Assigned to you — ${escapeMrkdwn(n.reason)}`)]);
    case 'ticket.unassigned-from':
      return reply(`${ref} was reassigned.`, [section(`${ref} was reassigned${n.to ? ` to ${personLabel(n.to)}` : ''}; you no longer need to act on it.`)]);
    case 'ticket.started':
      return reply(`${n.by.displayName} started working on ${ref}.`, [section(`${personLabel(n.by)} started working on it.`)]);
    case 'ticket.resolved':
      return reply(`${ref} was resolved by ${n.by.displayName}: ${t.resolution ?? ''}`, [
        section(`:white_check_mark: *Resolved* by ${personLabel(n.by)}${t.resolution ? `\n${quote(escapeMrkdwn(t.resolution))}` : ''}`),
        context(['Not fixed? Reopen the ticket and it goes back to the queue.']),
        { type: 'actions', block_id: `ticket:${t.id}`, elements: [button('Reopen', ACTIONS.reopen, ticketButtonValue(t))] },
      ]);
    case 'ticket.reopened':
      return reply(`${n.by.displayName} reopened ${ref}.`, [section(`:arrows_counterclockwise: ${personLabel(n.by)} reopened ${ref}.`)]);
    case 'ticket.message':
      return reply(`${n.from.displayName} on ${ref}: ${n.text}`, [
        section(`${personLabel(n.from)}:\n${quote(escapeMrkdwn(n.text))}`),
        context(['Reply in this thread to answer.']),
      ]);
    case 'sla.reminder':
      return reply(`Reminder: ${ref} should have been started by ${n.dueAt}.`, [
        section(`:alarm_clock: Reminder: ${ref} (${priorityLabel(t.priority)}) should have been started by ${slackDate(n.dueAt)}.`),
        ...(t.status === 'TODO' ? [{ type: 'actions', block_id: `ticket:${t.id}`, elements: [button('Start', ACTIONS.start, ticketButtonValue(t), 'primary')] } as KnownBlock] : []),
      ]);
  }
}

function reply(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: fallback(text), blocks };
}
