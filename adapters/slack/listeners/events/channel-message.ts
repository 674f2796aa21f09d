import type { webApi } from '@slack/bolt';
import { isStaff } from '../../../../core/index.js';
import type { SlackContext } from '../../context.js';
import { slackIdentity } from '../../identity.js';
import { slackToPlain } from '../../text.js';
import { fileFromMessage } from '../intake.js';

/** The fields of a channel message event read here (message.channels / message.groups). */
export interface ChannelMessage {
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
}

/** A person writing: plain messages, with a file, or a thread reply also sent to the channel. Edits, deletions, joins and bots are not. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/**
 * A message in a channel the bot is in. A new top-level post in a support
 * channel is filed for its author (staff posts only when configured); a
 * reply in a ticket's channel thread goes to the ticket, like a reply in the
 * DM thread. Everything else (other channels, edits, bots, joins) is
 * ignored without a word. Slack's retried deliveries are dropped by event
 * id, and filing itself is keyed by the message, so nothing is filed twice.
 */
export async function onChannelMessage(ctx: SlackContext, m: ChannelMessage, body: unknown, client: webApi.WebClient): Promise<void> {
  if (m.bot_id || !PERSON_SUBTYPES.has(m.subtype) || !m.user) return;
  const user = m.user;
  const team = (body as { team_id?: string }).team_id ?? '';
  const eventId = (body as { event_id?: string }).event_id;
  const isReply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
  try {
    if (isReply) {
      const threadTs = m.thread_ts as string;
      const owner = await ctx.threads.owner(m.channel, threadTs);
      if (!owner) return;
      if (eventId && !(await ctx.dedupe.claimOnce(`slack:event:${team}:${eventId}`, ctx.eventDedupeMs, ctx.now()))) return;
      const who = await ctx.people.personId(team, user);
      if (!who.ok) return;
      // Only the ticket's participants reach it; anyone else chatting in the thread stays in the channel.
      const posted = await ctx.helpdesk.postMessage({ ticketId: owner.ticketId, actorId: who.value, text: slackToPlain(m.text ?? '') });
      if (!posted.ok) ctx.logger.debug({ code: posted.error.code }, 'channel thread reply not relayed');
      return;
    }
    if (m.subtype === 'thread_broadcast') return;
    if (!(await ctx.helpdesk.watchedChannel('slack', m.channel))) return;
    if (eventId && !(await ctx.dedupe.claimOnce(`slack:event:${team}:${eventId}`, ctx.eventDedupeMs, ctx.now()))) return;
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
