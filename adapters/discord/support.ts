import { ChannelType, DiscordAPIError, MessageType, Routes, ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { formatRef } from '../../core/index.js';
import type { DiscordContext } from './context.js';
import { loggable } from './errors.js';
import { DISCORD_PLATFORM, displayNameOf, messageLink } from './identity.js';
import { personOf } from './people.js';
import { LIMITS, truncate } from './render/limits.js';
import { restBody } from './render/message.js';
import { messageToTicket } from './text.js';
import { saidKey } from './thread.js';

/** Messages a person typed; joins, pins, boosts and "thread created" notices are not. */
const PERSON_TYPES = new Set<MessageType>([MessageType.Default, MessageType.Reply]);
/** Discord's answers when the bot lacks a permission in the channel. */
const NOT_ALLOWED = new Set([50001, 50013]);
const THREAD_NAME_MAX = 100;

/**
 * A message in a server (only with support channels on). A new message in
 * a watched channel becomes a ticket for its author, with a private thread
 * for the author and staff; a message in such a thread goes to its ticket.
 * Everything else (other channels and threads, bots, webhooks, system
 * messages, servers the helpdesk does not serve) is ignored without a
 * word. Edits are never read (no MessageUpdate listener). A re-delivered
 * event is dropped by message id, in memory and durably, and filing is
 * keyed by the message, so one message never makes two tickets.
 */
export async function onServerMessage(ctx: DiscordContext, message: Message): Promise<void> {
  if (!ctx.supportChannels || message.guildId === null || !ctx.servers.serves(message.guildId)) return;
  if (message.author.bot || message.webhookId !== null || message.system || !PERSON_TYPES.has(message.type)) return;
  const ticketId = await ctx.cards.ticketOfThread(message.channelId);
  if (ticketId === null && !(await ctx.helpdesk.watchedChannel(DISCORD_PLATFORM, message.channelId))) return;
  if (!ctx.recent.firstTime(`message:${message.id}`, Date.parse(ctx.now()))) return;
  if (!(await ctx.store.claimOnce(`discord:message:${message.id}`, ctx.deliveryDedupeMs, ctx.now()))) return;
  try {
    if (ticketId !== null) await relayFromThread(ctx, message, ticketId);
    else await fileWithThread(ctx, message);
  } catch (error) {
    // Nobody asked in public, so nothing is said in the channel: the sink logs it with a reference.
    ctx.errors.text(error, ticketId ? 'support thread message' : 'support channel message', { messageId: message.id });
  }
}

/**
 * Files the message and opens its private thread: made first, so the
 * ticket is filed with the thread as the requester's place and every
 * notice reaches it from the start. Only the author, the staff added to it
 * and members who may manage threads see it; `invitable: false` keeps
 * others from being added by the author.
 */
async function fileWithThread(ctx: DiscordContext, message: Message): Promise<void> {
  const author = await personOf(ctx, message.author);
  if (!author.ok) return;
  const attachments = [...message.attachments.values()].map((a) => a.url);
  const name = displayNameOf(message.author);
  const draft = messageToTicket(message.content, attachments, name);
  const link = messageLink(message.guildId, message.channelId, message.id);
  const rest = message.client.rest;
  let threadId: string;
  try {
    const thread = (await rest.post(Routes.threads(message.channelId), {
      body: { name: truncate(`${name}: ${draft.title}`, THREAD_NAME_MAX), type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
    })) as { id: string };
    threadId = thread.id;
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && NOT_ALLOWED.has(error.code)) {
      ctx.logger.warn({ channelId: message.channelId, code: error.code }, 'cannot open a private thread in a support channel: give the bot Create Private Threads, Send Messages in Threads and Manage Threads there');
      return;
    }
    throw error;
  }
  await addMember(ctx, message, threadId, message.author.id);
  const filed = await ctx.helpdesk.fileTicket({
    requesterId: author.value.id,
    title: draft.title,
    description: `${draft.description}\n\nMessage: ${link}`,
    origin: { platform: DISCORD_PLATFORM, channelId: threadId, messageId: message.id, messageLink: link },
    idempotencyKey: `discord:msg:${message.id}`,
  });
  if (!filed.ok) {
    await say(message, threadId, `<@${message.author.id}> I could not file this as a ticket: ${filed.error.message}`);
    return;
  }
  const ticket = filed.value.ticket;
  await ctx.cards.rememberThread(threadId, ticket.id);
  await say(
    message,
    threadId,
    `<@${message.author.id}> ticket **${formatRef(ticket.ref)}** filed: ${truncate(draft.title, 200)}\nThis thread is private: only you and the helpdesk staff see it. Write here to add details; answers arrive here.`,
  );
}

/**
 * A message in a requester's thread, from the requester or staff, goes to
 * the ticket like a reply to its card. Staff messages are marked so their
 * relay back to the requester (who read them here) is skipped. Anyone
 * else who can see the thread (a server moderator) stays outside the
 * ticket.
 */
async function relayFromThread(ctx: DiscordContext, message: Message, ticketId: string): Promise<void> {
  const text = [message.content.trim(), ...[...message.attachments.values()].map((a) => a.url)].filter(Boolean).join('\n');
  if (!text) return;
  const actor = await personOf(ctx, message.author);
  if (!actor.ok) return;
  const posted = await ctx.helpdesk.postMessage({ ticketId, actorId: actor.value.id, text });
  if (!posted.ok) {
    ctx.logger.debug({ code: posted.error.code, messageId: message.id }, 'thread message not relayed');
    return;
  }
  const said = [...posted.value.history].reverse().find((e) => e.type === 'message' && e.actorId === actor.value.id);
  if (posted.value.requesterId !== actor.value.id && said?.type === 'message') await ctx.cards.markSaidInThread(saidKey(ticketId, actor.value.id, said.text));
  await ctx.dms.react(message.channelId, message.id, '✅').catch((error: unknown) => ctx.logger.debug({ err: loggable(error) }, 'could not add the receipt reaction'));
}

async function addMember(ctx: DiscordContext, message: Message, threadId: string, userId: string): Promise<void> {
  try {
    await message.client.rest.put(Routes.threadMembers(threadId, userId));
  } catch (error) {
    ctx.logger.warn({ err: loggable(error), threadId }, 'could not add a member to a support thread');
  }
}

async function say(message: Message, channelId: string, content: string): Promise<void> {
  await message.client.rest.post(Routes.channelMessages(channelId), { body: restBody({ content: truncate(content, LIMITS.content) }) });
}
