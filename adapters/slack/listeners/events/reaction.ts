import type { webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { fileFromMessage } from '../intake.js';
import { envelopeOf, firstDelivery } from './delivery.js';

interface ReactionAdded {
  readonly user: string;
  readonly reaction: string;
  readonly item_user?: string;
  readonly item: { readonly type: string; readonly channel?: string; readonly ts?: string };
}

/**
 * Emoji intake: a reaction with the configured emoji (default :ticket:) on
 * a message in any channel the bot is in files it, for its author (or the
 * person who reacted, when configured), linked to the message. The event
 * carries no text, so the message is read once with conversations.history
 * (latest=ts, inclusive, limit 1). Slack limits that method to about one
 * call a minute for apps outside the Marketplace; when it fails the ticket
 * is filed anyway, with the link as its text, and the answer in the thread
 * asks for details. Several reactions and retried events give one ticket.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.event('reaction_added', async ({ event, body, client }) => {
    const e = event as unknown as ReactionAdded;
    if (e.reaction.replace(/::skin-tone-\d$/, '') !== ctx.intake.emoji || e.item.type !== 'message' || !e.item.channel || !e.item.ts) return;
    const channel = e.item.channel;
    const ts = e.item.ts;
    const envelope = envelopeOf(body);
    const team = envelope.team;
    try {
      if (!(await firstDelivery(ctx, envelope))) return;
      // Only the first reaction reads the message; the rest find the ticket by its key.
      if (!(await ctx.dedupe.claimOnce(`slack:reaction:${team}:${channel}:${ts}`, ctx.eventDedupeMs, ctx.now()))) return;
      if (await ctx.threads.isWithdrawn({ channel, ts })) return;
      const requesterUser = ctx.intake.emojiFilesFor === 'reactor' ? e.user : (e.item_user ?? e.user);
      const [text, link] = await Promise.all([messageText(ctx, client, channel, ts), permalink(client, channel, ts)]);
      await fileFromMessage(ctx, client, { team, channel, ts, requesterUser, text: text ?? (link ? `Message ${link}` : ''), link, tellUser: e.user });
    } catch (error) {
      const text = ctx.errors.text(error, 'ticket reaction', { slackUser: e.user });
      await client.chat.postEphemeral({ channel, user: e.user, text }).catch(() => undefined);
    }
  });
}

async function messageText(ctx: SlackContext, client: webApi.WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
    const message = history.messages?.find((m) => m.ts === ts);
    return message?.text ?? null;
  } catch (error) {
    ctx.logger.warn({ channel, err: error instanceof Error ? error.message : String(error) }, 'could not read the reacted message; filing it with its link');
    return null;
  }
}

async function permalink(client: webApi.WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch {
    return undefined;
  }
}
