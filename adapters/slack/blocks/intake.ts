/**
 * Messages of intake where people already talk: the answer under a
 * support-channel post or a 🎫 reaction, what it becomes once withdrawn, and
 * the offer under a DM to the bot. Pure builders, tested without fakes.
 */
import type { Ticket, WatchedChannel } from '../../../core/index.js';
import { ticketButtonValue } from './ids.js';
import { button, clipPlain, context, section, userText, type KnownBlock } from './limits.js';
import type { SlackMessage } from './cards.js';

export const INTAKE_ACTIONS = {
  withdraw: 'ticket_withdraw',
  fileFromDm: 'ticket_file_dm',
} as const;

/** The answer in the thread of the message a ticket was filed from. */
export function buildFiledInThread(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>, requesterUser: string): SlackMessage {
  const text = `Ticket #${ticket.ref} filed for <@${requesterUser}> — triaging… Updates will appear in this thread; reply here to talk to the helpdesk.`;
  const blocks: KnownBlock[] = [
    section(`:ticket: *Ticket #${ticket.ref}* filed for <@${requesterUser}>: ${userText(clipPlain(ticket.title, 200))}`),
    context(['Triaging… Updates will appear in this thread; reply here to talk to the helpdesk.']),
    { type: 'actions', block_id: `intake:${ticket.id}`, elements: [button('Not a ticket', INTAKE_ACTIONS.withdraw, ticketButtonValue(ticket))] },
  ];
  return { text, blocks };
}

/** The same answer after "Not a ticket": nothing left to click. */
export function buildWithdrawnInThread(ref: number, byUser: string): SlackMessage {
  const text = `#${ref} was withdrawn by <@${byUser}>: not a ticket. Nothing was kept.`;
  return { text, blocks: [context([text])] };
}

/** The offer under a DM to the bot that is not a reply in a ticket thread. */
export function buildDmOffer(preview: string, value: string): SlackMessage {
  const text = 'Shall I file this as a ticket? (You can also use `/ticket` or the button on my Home tab.)';
  return {
    text,
    blocks: [
      section(`Shall I file this as a ticket?\n>${userText(clipPlain(preview.replace(/\s+/g, ' '), 300))}`),
      { type: 'actions', block_id: 'dm-offer', elements: [button('File this as a ticket', INTAKE_ACTIONS.fileFromDm, value, 'primary')] },
      context(['To talk about a ticket you already have, reply in its thread here.']),
    ],
  };
}

/** `/helpdesk list`. */
export function buildWatchedList(channels: readonly WatchedChannel[]): string {
  if (channels.length === 0) return 'No support channels yet. Turn one on with `/helpdesk watch #channel` (invite me there first).';
  return ['Support channels (new posts there become tickets):', ...channels.map((c) => `• <#${c.channelId}> since ${c.addedAt.slice(0, 10)}`)].join('\n');
}
