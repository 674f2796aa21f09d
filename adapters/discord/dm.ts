import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { CardIndex, CardRef } from './card-index.js';
import { restBody, type MessageBody } from './render/message.js';

/**
 * Discord error codes after which a DM will not get through no matter how
 * often it is retried: the notifier then tries the person's next channel
 * (email). Everything else (5xx, timeouts, network) is thrown and retried.
 */
const PERMANENT: Readonly<Record<number, string>> = {
  50007: 'cannot send messages to this user (DMs closed or no shared server)',
  10013: 'unknown Discord user',
  50033: 'invalid DM recipient',
};

/** The reason a DM failed for good, or null when the failure may pass (then it is rethrown). */
export function permanentFailure(error: unknown): string | null {
  if (error instanceof DiscordAPIError && typeof error.code === 'number') return PERMANENT[error.code] ?? null;
  return null;
}

function isCode(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

/**
 * Sends and edits the bot's direct messages over REST (discord.js's REST
 * queues per route and waits out 429s, honouring Retry-After). Each send
 * carries a nonce derived from what it says, with `enforce_nonce`, so a
 * retried workflow step within Discord's nonce window returns the message
 * already sent instead of posting it twice.
 */
export class DirectMessages {
  constructor(
    private readonly rest: REST,
    private readonly index: CardIndex,
  ) {}

  /** The DM channel with a user, opened once and remembered. */
  async channelFor(userId: string, fresh = false): Promise<string> {
    if (!fresh) {
      const known = await this.index.dmChannel(userId);
      if (known) return known;
    }
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    await this.index.setDmChannel(userId, channel.id);
    return channel.id;
  }

  /** Sends a DM, optionally as a reply; `dedupeKey` identifies this exact message for the nonce. */
  async send(userId: string, body: MessageBody, dedupeKey: string, replyTo?: CardRef): Promise<CardRef> {
    const payload = {
      ...restBody(body),
      nonce: nonceOf(dedupeKey),
      enforce_nonce: true,
      ...(replyTo ? { message_reference: { message_id: replyTo.messageId, fail_if_not_exists: false } } : {}),
    };
    let channelId = await this.channelFor(userId);
    try {
      return await this.post(channelId, payload);
    } catch (error) {
      // A remembered DM channel can disappear (rare); open it again once.
      if (!isCode(error, 10003)) throw error;
      channelId = await this.channelFor(userId, true);
      return this.post(channelId, payload);
    }
  }

  /** Edits a message in place; false when it no longer exists (deleted by the user). */
  async edit(card: CardRef, body: MessageBody): Promise<boolean> {
    try {
      await this.rest.patch(Routes.channelMessage(card.channelId, card.messageId), { body: restBody(body) });
      return true;
    } catch (error) {
      if (isCode(error, 10008) || isCode(error, 10003)) return false;
      throw error;
    }
  }

  /** A reaction as a quiet receipt ("relayed"); failures are not worth a retry. */
  async react(channelId: string, messageId: string, emoji: string): Promise<void> {
    await this.rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)));
  }

  private async post(channelId: string, payload: Record<string, unknown>): Promise<CardRef> {
    const message = (await this.rest.post(Routes.channelMessages(channelId), { body: payload })) as { id: string; channel_id?: string };
    return { channelId: message.channel_id ?? channelId, messageId: message.id };
  }
}

/** Discord nonces are at most 25 characters. */
export function nonceOf(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}
