import type { KeyValueStore } from '../../core/index.js';

/** Where a ticket card lives: the DM channel and the message id. */
export interface CardRef {
  readonly channelId: string;
  readonly messageId: string;
}

const NS = { card: 'discord.card', message: 'discord.message', dm: 'discord.dm' } as const;

/**
 * What the Discord adapter remembers, in the store's key-value space so it
 * survives restarts and is shared by several bot processes:
 * - each person's card per ticket (to edit it and reply to it);
 * - which ticket each message the bot sent belongs to (so a reply to any of
 *   them is relayed to that ticket);
 * - each user's DM channel id (saves a call per message).
 */
export class CardIndex {
  constructor(private readonly kv: KeyValueStore) {}

  async card(ticketId: string, personId: string): Promise<CardRef | null> {
    const raw = await this.kv.getValue(NS.card, `${ticketId}:${personId}`);
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<CardRef>;
      return typeof parsed.channelId === 'string' && typeof parsed.messageId === 'string' ? { channelId: parsed.channelId, messageId: parsed.messageId } : null;
    } catch {
      return null;
    }
  }

  async setCard(ticketId: string, personId: string, card: CardRef): Promise<void> {
    await this.kv.setValue(NS.card, `${ticketId}:${personId}`, JSON.stringify(card));
  }

  async ticketOfMessage(messageId: string): Promise<string | null> {
    return this.kv.getValue(NS.message, messageId);
  }

  async rememberMessage(messageId: string, ticketId: string): Promise<void> {
    await this.kv.setValue(NS.message, messageId, ticketId);
  }

  async dmChannel(userId: string): Promise<string | null> {
    return this.kv.getValue(NS.dm, userId);
  }

  async setDmChannel(userId: string, channelId: string): Promise<void> {
    await this.kv.setValue(NS.dm, userId, channelId);
  }
}
