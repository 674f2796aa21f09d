import type { webApi } from '@slack/bolt';
import { buildDmOffer } from '../../blocks/intake.js';
import type { SlackContext } from '../../context.js';

/**
 * A DM to the bot that is not a reply in a ticket thread: the bot offers to
 * file it, one click. The text waits in the store until the click, so a
 * long message is filed whole (a button value holds 2,000 characters).
 */
export async function offerToFile(ctx: SlackContext, client: webApi.WebClient, m: { team: string; channel: string; ts: string; user: string; text: string }): Promise<void> {
  const ref = { channel: m.channel, ts: m.ts };
  await ctx.threads.rememberOffer(ref, m.text);
  const offer = buildDmOffer(m.text, JSON.stringify({ c: m.channel, t: m.ts }));
  await client.chat.postMessage({ channel: m.channel, thread_ts: m.ts, text: offer.text, blocks: offer.blocks });
}
