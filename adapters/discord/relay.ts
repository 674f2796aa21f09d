import { Routes, type Message } from 'discord.js';
import { refusalFor } from './access.js';
import type { DiscordContext } from './context.js';
import { personOf } from './people.js';
import { restBody, type MessageBody } from './render/message.js';
import { buildDmOffer } from './render/panel.js';

const HINT =
  'To talk on a ticket, reply to its message here (hover it → Reply). To file a new ticket, use /ticket in a server or here.';

/**
 * A direct message to the bot. A reply to any message the bot sent about a
 * ticket is that ticket's conversation: it goes through core's postMessage
 * and reaches the other side (requester ↔ moderator), attributed. Any other
 * DM with text or attachments gets "File this as a ticket" (one click; the
 * text waits in the store until then); people the helpdesk does not know
 * get a short refusal. Messages in servers are ignored. DM content arrives without the privileged
 * Message Content intent (Discord exempts DMs with the app).
 */
export async function relayDirectMessage(ctx: DiscordContext, message: Message): Promise<void> {
  if (message.author.bot || message.guildId !== null || message.system) return;
  // A replayed DM must not be relayed twice: remembered in memory, and claimed durably since relaying posts a message.
  if (!ctx.recent.firstTime(`message:${message.id}`, Date.parse(ctx.now()))) return;
  // Someone the helpdesk does not know (who shares no served server with it) is told so; nothing is stored for them.
  const refusal = await refusalFor(ctx, { guildId: null, userId: message.author.id });
  if (refusal !== null) return answer(ctx, message, refusal);
  if (!(await ctx.store.claimOnce(`discord:message:${message.id}`, ctx.deliveryDedupeMs, ctx.now()))) return;
  const log = ctx.logger.child({ messageId: message.id });
  try {
    const repliedTo = message.reference?.messageId;
    const ticketId = repliedTo ? await ctx.cards.ticketOfMessage(repliedTo) : null;
    const attachments = [...message.attachments.values()].map((a) => a.url);
    if (!ticketId) {
      // A reply to some other message of the bot (an offer, a hint) is a new request too.
      if (message.content.trim() === '' && attachments.length === 0) return answer(ctx, message, HINT);
      await ctx.cards.rememberOffer(message.id, { authorId: message.author.id, channelId: message.channelId, content: message.content, attachments });
      return answer(ctx, message, buildDmOffer(message.id));
    }
    const text = [message.content.trim(), ...attachments].filter(Boolean).join('\n');
    if (!text) return answer(ctx, message, 'Only text and attachments can be relayed to a ticket.');
    const actor = await personOf(ctx, message.author);
    if (!actor.ok) return answer(ctx, message, actor.error.message);
    const posted = await ctx.helpdesk.postMessage({ ticketId, actorId: actor.value.id, text });
    if (!posted.ok) return answer(ctx, message, posted.error.message);
    // A quiet receipt; the message itself is already in the ticket.
    await ctx.dms.react(message.channelId, message.id, '✅').catch((error: unknown) => log.debug({ err: error }, 'could not add the receipt reaction'));
  } catch (error) {
    await answer(ctx, message, ctx.errors.text(error, 'relay', { messageId: message.id }));
  }
}

async function answer(ctx: DiscordContext, message: Message, said: string | MessageBody): Promise<void> {
  try {
    await message.client.rest.post(Routes.channelMessages(message.channelId), {
      body: { ...restBody(typeof said === 'string' ? { content: said } : said), message_reference: { message_id: message.id, fail_if_not_exists: false } },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, messageId: message.id }, 'could not answer a direct message');
  }
}
