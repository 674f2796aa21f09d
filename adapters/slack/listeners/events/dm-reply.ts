import type { webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { slackToPlain } from '../../text.js';
import { personNames } from '../names.js';
import { onChannelMessage, type ChannelMessage } from './channel-message.js';
import { offerToFile } from './dm-offer.js';

/** The fields of a DM message event the relay reads (Bolt's union type spans every subtype). */
interface DmMessage {
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
}

/** Subtypes that are still a person writing (a reply with a file, a reply also sent to the channel). */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/**
 * The relay's inbound side: a reply in a ticket thread of the bot's DM is
 * posted to the ticket (history + the other side's thread). Bots, edits
 * and deletions are ignored; Slack's retried deliveries are dropped by
 * event id. A message outside any ticket thread gets a short hint.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.event('message', async ({ event, body, client }) => {
    const m = event as unknown as DmMessage;
    // Posts and thread replies in channels: support channels and their requester threads.
    if (m.channel_type === 'channel' || m.channel_type === 'group') return onChannelMessage(ctx, event as unknown as ChannelMessage, body, client);
    if (m.channel_type !== 'im' || m.bot_id || !PERSON_SUBTYPES.has(m.subtype) || !m.user) return;
    const user = m.user;
    const team = (body as { team_id?: string }).team_id ?? '';
    const eventId = (body as { event_id?: string }).event_id;
    try {
      if (eventId && !(await ctx.dedupe.claimOnce(`slack:event:${team}:${eventId}`, ctx.eventDedupeMs, ctx.now()))) return;
      if (!m.thread_ts || m.thread_ts === m.ts) {
        await offerToFile(ctx, client, { team, channel: m.channel, ts: m.ts, user, text: m.text ?? '' });
        return;
      }
      const owner = await ctx.threads.owner(m.channel, m.thread_ts);
      if (!owner) {
        await say(client, m.channel, m.thread_ts, 'This thread is not linked to a ticket, so nobody else will see this reply.');
        return;
      }
      const who = await ctx.people.identify(team, user);
      if (!who.ok) return say(client, m.channel, m.thread_ts, who.error.message);
      const posted = await ctx.helpdesk.postMessage({ ticketId: owner.ticketId, actorId: who.value.id, text: slackToPlain(m.text ?? '') });
      if (!posted.ok) return say(client, m.channel, m.thread_ts, posted.error.message);
      // In a moderator's card thread, what is relayed is said to be relayed, unlike the bot's "Internal note from …".
      if (owner.role === 'moderator') {
        const requester = (await personNames(ctx, [posted.value.requesterId])).get(posted.value.requesterId) ?? 'the requester';
        await say(client, m.channel, m.thread_ts, `:outbox_tray: Sent to ${requester}.`);
      }
    } catch (error) {
      await say(client, m.channel, m.thread_ts ?? m.ts, ctx.errors.text(error, 'dm reply', { slackUser: user }));
    }
  });
}

async function say(client: webApi.WebClient, channel: string, threadTs: string, text: string): Promise<void> {
  await client.chat.postMessage({ channel, thread_ts: threadTs, text });
}
