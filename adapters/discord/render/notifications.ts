import type { APIEmbed } from 'discord.js';
import { formatRef, waitingText, type Notification, type PersonRef, type Ticket } from '../../../core/index.js';
import { actionRows } from './limits.js';
import { buildModeratorCard, buildRequesterCard, cardTitle, COLORS, reopenButton } from './cards.js';
import type { MessageBody } from './message.js';
import { ratingButtons } from './rating.js';
import { discordText, personText, quoteLines } from './user-text.js';

/**
 * How one notification reaches one person in their DM with the bot:
 * - `card`: a new ticket card, remembered as this person's card for the ticket;
 * - `edit-card`: the remembered card changes in place (sent anew if it is gone),
 *   optionally followed by a reply;
 * - `reply`: a reply to the remembered card (a plain message when there is none).
 */
export type Delivery =
  | { readonly kind: 'card'; readonly message: MessageBody }
  | { readonly kind: 'edit-card'; readonly message: MessageBody; readonly reply?: MessageBody }
  | { readonly kind: 'reply'; readonly message: MessageBody };

/**
 * Pure: the Discord rendering of every notification the helpdesk sends.
 * `requester` names the requester on staff cards for notifications that do
 * not carry them (the channel looks them up).
 */
export function renderNotification(n: Notification, requester: PersonRef | null = null): Delivery {
  const t = n.ticket;
  const from = requester ?? { id: t.requesterId, displayName: 'unknown requester', identities: [] };
  const ref = formatRef(t.ref);
  switch (n.kind) {
    case 'ticket.filed':
      return { kind: 'card', message: buildRequesterCard(t) };
    case 'ticket.triaged':
      return reply(`${ref} triaged: **${discordText(t.category)}**, ${t.priority} priority.${t.summary && t.summary !== t.title ? `\n${quoteLines(discordText(t.summary))}` : ''}`);
    case 'ticket.assigned':
      return reply(n.assignee ? `${name(n.assignee)} is handling ${ref}.` : `${ref} ${waitingText(n.adminsTold === true)}`);
    case 'ticket.assignment':
      return { kind: 'card', message: buildModeratorCard(t, n.requester, { reason: n.reason, headline: `New ticket for you: ${ref}` }) };
    case 'ticket.card':
      return { kind: 'edit-card', message: buildModeratorCard(t, n.requester) };
    case 'ticket.unassigned-from':
      return {
        kind: 'edit-card',
        message: buildModeratorCard(t, from, { mode: 'former' }),
        reply: text(`${ref} moved to ${n.to ? name(n.to) : 'the unassigned queue'}; you no longer need to act on it.`),
      };
    case 'ticket.needs-assignee':
      return { kind: 'card', message: buildModeratorCard(t, from, { mode: 'admin', headline: `${ref} needs an assignee: ${discordText(n.reason)}` }) };
    case 'ticket.started':
      return reply(`${name(n.by)} started working on ${ref}.`);
    case 'ticket.resolved':
      return {
        kind: 'reply',
        message: {
          content: `${ref} was resolved by ${name(n.by)}.`,
          embeds: [{ title: cardTitle(t), color: COLORS.DONE, description: discordText(t.resolution ?? ''), footer: { text: 'Not fixed? Reopen it, or reply to tell the moderator. How did it go? Rate it below.' } }],
          components: actionRows([reopenButton(t), ...ratingButtons(t)]),
        },
      };
    case 'ticket.reopened':
      return reply(`${name(n.by)} reopened ${ref}.`);
    case 'ticket.message':
      return { kind: 'reply', message: relayed(t, n.from, n.text) };
    case 'sla.reminder':
      if (n.sla === 'next-response') return reply(`Reminder: the requester of ${ref} (${t.priority}) has been waiting for an answer since before ${timestamp(n.dueAt)}.`);
      if (n.sla === 'resolution') return reply(`Reminder: ${ref} (${t.priority}) should have been resolved by ${timestamp(n.dueAt)}.`);
      return reply(`Reminder: ${ref} (${t.priority}) should have been started by ${timestamp(n.dueAt)}.`);
    case 'ticket.nudge':
      return reply(`${name(n.from)} is waiting for your answer on ${ref}. Reply here to carry on.${n.closesAt ? ` Without an answer it closes itself ${timestamp(n.closesAt)}; a reply reopens it.` : ''}`);
    case 'ticket.note':
      return reply(`🔒 **Internal note from ${name(n.from)}** (staff only; the requester does not see it):\n${quoteLines(discordText(n.text))}`);
    case 'ticket.rated':
      return {
        kind: 'reply',
        message: {
          content: `${name(n.by)} rated ${ref} ${n.rating === 'good' ? '👍' : '👎'}${n.comment ? `:\n${quoteLines(discordText(n.comment))}` : ''}`,
          ...(n.rating === 'bad' && t.status === 'DONE' ? { components: actionRows([reopenButton(t)]) } : {}),
        },
      };
    case 'sla.escalated':
      return { kind: 'card', message: buildModeratorCard(t, from, { mode: 'admin', headline: `Escalated: ${ref} (${t.priority}) was not started in time. ${discordText(n.reason)}` }) };
  }
}

/** A relayed message: the author's name on top (author names render no markdown), their words as text, never pinging anyone. */
export function relayed(ticket: Pick<Ticket, 'ref'>, from: PersonRef, body: string): MessageBody {
  const embed: APIEmbed = {
    author: { name: `${from.displayName} on ${formatRef(ticket.ref)}` },
    description: discordText(body),
    color: COLORS.INFO,
    footer: { text: 'Reply to this message to answer.' },
  };
  return { embeds: [embed] };
}

function reply(content: string): Delivery {
  return { kind: 'reply', message: text(content) };
}

function text(content: string): MessageBody {
  return { content };
}

function name(p: PersonRef): string {
  const mention = personText(p);
  return `**${discordText(p.displayName)}**${mention.startsWith('<@') ? ` (${mention})` : ''}`;
}

/** Discord renders `<t:unix:R>` in the reader's own time zone. */
function timestamp(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `<t:${Math.floor(ms / 1000)}:f> (<t:${Math.floor(ms / 1000)}:R>)`;
}
