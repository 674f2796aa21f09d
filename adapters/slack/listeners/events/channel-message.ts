import type { webApi } from '@slack/bolt';
import { isStaff } from '../../../../core/index.js';
import type { SlackContext } from '../../context.js';
import { slackIdentity } from '../../identity.js';
import { slackToPlain } from '../../text.js';
import { fileFromMessage } from '../intake.js';
import { envelopeOf, firstDelivery, isPersonWriting, type MessageEvent } from './delivery.js';

/**
 * A message in a channel the bot is in. A new top-level post in a support
 * channel is filed for its author (staff posts only when configured); a
 * reply in a ticket's channel thread goes to the ticket, like a reply in the
 * DM thread. Everything else (other channels, edits, bots, joins) is
 * ignored without a word. Slack's retried deliveries are dropped by event
 * id, and filing itself is keyed by the message, so nothing is filed twice.
 */
export async function onChannelMessage(ctx: SlackContext, m: MessageEvent, body: unknown, client: webApi.WebClient): Promise<void> {
  if (!isPersonWriting(m)) return;
  const user = m.user;
  const envelope = envelopeOf(body);
  const team = envelope.team;
  const isReply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
  try {
    if (isReply) {
      const threadTs = m.thread_ts as string;
      const owner = await ctx.threads.owner(m.channel, threadTs);
      if (!owner) return;
      if (!(await firstDelivery(ctx, envelope))) return;
      const who = await ctx.people.personId(team, user);
      if (!who.ok) return;
      // Only the ticket's participants reach it; anyone else chatting in the thread stays in the channel.
      const posted = await ctx.helpdesk.postMessage({ ticketId: owner.ticketId, actorId: who.value, text: slackToPlain(m.text ?? '') });
      if (!posted.ok) ctx.logger.debug({ code: posted.error.code }, 'channel thread reply not relayed');
      return;
    }
    if (m.subtype === 'thread_broadcast') return;
    if (!(await ctx.helpdesk.watchedChannel('slack', m.channel))) return;
    if (!(await firstDelivery(ctx, envelope))) return;
    if (!ctx.intake.fileStaffPosts) {
      const known = await ctx.helpdesk.personByIdentity(slackIdentity(team, user));
      if (known && isStaff(known)) return;
    }
    await fileFromMessage(ctx, client, { team, channel: m.channel, ts: m.ts, requesterUser: user, text: m.text ?? '', tellUser: user });
  } catch (error) {
    // Nobody asked in public: the sink logs it with a reference; the author hears it privately.
    const text = ctx.errors.text(error, 'support channel post', { slackUser: user });
    await client.chat.postEphemeral({ channel: m.channel, user, text }).catch(() => undefined);
  }
}
