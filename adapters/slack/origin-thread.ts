import type { webApi } from '@slack/bolt';
import type { Notification, Person, Ticket } from '../../core/index.js';
import { buildThreadReply } from './blocks/index.js';
import type { MessageRef } from './threads.js';

/** Errors after which the requester is reached by DM instead (the bot left the channel, it was archived …). */
const THREAD_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'thread_not_found', 'message_not_found', 'restricted_action', 'missing_scope']);

/**
 * The requester's thread of a ticket filed from a channel message (a
 * support-channel post or a 🎫 reaction): the thread under that message.
 * Read from the ticket's origin, so it is known from the moment the ticket
 * exists and no notice can slip out by DM before it is recorded.
 */
export function originThread(ticket: Pick<Ticket, 'origin'>): MessageRef | null {
  const o = ticket.origin;
  if (o.platform !== 'slack' || !o.channelId || !o.messageId) return null;
  // DM channels (D…) keep the card-and-thread flow of the bot's own DM.
  if (o.channelId.startsWith('D')) return null;
  return { channel: o.channelId, ts: o.messageId };
}

/**
 * Delivers a requester notice in the ticket's channel thread. Returns false
 * when the ticket has no such thread, or when Slack says the thread can no
 * longer be posted to, so the caller falls back to the DM. `ticket.filed`
 * is already answered there by the listener that filed the ticket. Other
 * failures are thrown, so the workflow step retries.
 */
export async function deliverInOriginThread(client: webApi.WebClient, person: Person, n: Notification, code: (error: unknown) => string | null): Promise<boolean> {
  if (n.audience !== 'requester' || person.id !== n.ticket.requesterId) return false;
  const thread = originThread(n.ticket);
  if (!thread) return false;
  if (n.kind === 'ticket.filed') return true;
  const message = buildThreadReply(n);
  if (!message) return true;
  try {
    await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.ts, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return true;
  } catch (error) {
    const c = code(error);
    if (c !== null && THREAD_GONE.has(c)) return false;
    throw error;
  }
}
