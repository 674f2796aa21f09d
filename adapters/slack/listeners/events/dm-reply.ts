import type { webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { slackToPlain } from '../../text.js';
import { personNames } from '../names.js';
import { onChannelMessage } from './channel-message.js';
import { envelopeOf, firstDelivery, isPersonWriting, type MessageEvent } from './delivery.js';
import { offerToFile } from './dm-offer.js';

/**
 * The relay's inbound side: a reply in a ticket thread of the bot's DM is
 * posted to the ticket (history + the other side's thread). Bots, edits
 * and deletions are ignored; Slack's retried deliveries are dropped by
 * event id. A message outside any ticket thread gets a short hint.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.event('message', async ({ event, body, client }) => {
    const m = event as unknown as MessageEvent;
    // Posts and thread replies in channels: support channels and their requester threads.
    if (m.channel_type === 'channel' || m.channel_type === 'group') return onChannelMessage(ctx, m, body, client);
    if (m.channel_type !== 'im' || !isPersonWriting(m)) return;
    const user = m.user;
    const envelope = envelopeOf(body);
    const team = envelope.team;
    try {
      if (!(await firstDelivery(ctx, envelope))) return;
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
