import type { webApi } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { buildFiledInThread } from '../blocks/intake.js';
import { slackToPlain, splitTicketText } from '../text.js';

/** A person's channel message to file. */
export interface MessageToFile {
  readonly team: string;
  readonly channel: string;
  readonly ts: string;
  /** The Slack user the ticket is filed for. */
  readonly requesterUser: string;
  readonly requesterName?: string | undefined;
  readonly text: string;
  readonly link?: string | undefined;
  /** Who is told when filing is refused (the requester, or the person who reacted). */
  readonly tellUser: string;
}

/** The filed-answer is posted once per message, however often the message is filed again (reactions, retries). */
const ANSWER_ONCE_MS = 30 * 24 * 60 * 60_000;
const FALLBACK_TITLE = 'Message in a support channel';

/** The idempotency key of a ticket filed from a channel message: one ticket per message, whatever delivers it. */
export function messageKey(team: string, channel: string, ts: string): string {
  return `slack:msg:${team}:${channel}:${ts}`;
}

/**
 * Files a channel message as a ticket (a support-channel post or a 🎫
 * reaction) and answers in its thread, which becomes the requester's
 * thread. The message names the ticket (idempotency key), so Slack's
 * retries, several reactions and a post that is also reacted to all give
 * the same ticket; the answer is posted once. Refusals (the filing limit,
 * an empty message) are told only to the person concerned, ephemerally.
 */
export async function fileFromMessage(ctx: SlackContext, client: webApi.WebClient, m: MessageToFile): Promise<void> {
  const thread = { channel: m.channel, ts: m.ts };
  if (await ctx.threads.isWithdrawn(thread)) return;
  const requester = await ctx.people.requesterForFiling(m.team, m.requesterUser, m.requesterName);
  if (!requester.ok) return tellEphemeral(client, m.channel, m.tellUser, requester.error.message);
  const text = slackToPlain(m.text).trim();
  const split = splitTicketText(text || FALLBACK_TITLE);
  const filed = await ctx.helpdesk.fileTicket({
    requesterId: requester.value.id,
    title: split.title,
    description: [split.description, m.link ? `Message: ${m.link}` : ''].filter((s) => s !== '').join('\n\n'),
    origin: { platform: 'slack', channelId: m.channel, messageId: m.ts, ...(m.link ? { messageLink: m.link } : {}) },
    idempotencyKey: messageKey(m.team, m.channel, m.ts),
  });
  await requester.value.stored;
  if (!filed.ok) return tellEphemeral(client, m.channel, m.tellUser, filed.error.message);
  const ticket = filed.value.ticket;
  await ctx.threads.rememberThread({ ticketId: ticket.id, role: 'requester', personId: ticket.requesterId }, thread);
  if (!(await ctx.dedupe.claimOnce(`slack:intake-answer:${m.team}:${m.channel}:${m.ts}`, ANSWER_ONCE_MS, ctx.now()))) return;
  const answer = buildFiledInThread(ticket, m.requesterUser);
  await client.chat.postMessage({ channel: m.channel, thread_ts: m.ts, text: answer.text, blocks: answer.blocks, unfurl_links: false, unfurl_media: false });
}

export async function tellEphemeral(client: webApi.WebClient, channel: string, user: string, text: string): Promise<void> {
  await client.chat.postEphemeral({ channel, user, text });
}
