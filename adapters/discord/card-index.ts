import type { KeyValueStore } from '../../core/index.js';

/** Where a ticket card lives: the DM channel and the message id. */
export interface CardRef {
  readonly channelId: string;
  readonly messageId: string;
}

const NS = { card: 'discord.card', message: 'discord.message', dm: 'discord.dm', offer: 'discord.offer', thread: 'discord.thread', echo: 'discord.thread-echo' } as const;

/** A DM the bot offered to file, kept until the click (a button holds 100 characters, a DM up to 4,000). */
export interface DmOffer {
  readonly authorId: string;
  readonly channelId: string;
  readonly content: string;
  readonly attachments: readonly string[];
}

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

  async rememberOffer(messageId: string, offer: DmOffer): Promise<void> {
    await this.kv.setValue(NS.offer, messageId, JSON.stringify(offer));
  }

  async offer(messageId: string): Promise<DmOffer | null> {
    const raw = await this.kv.getValue(NS.offer, messageId);
    if (raw === null) return null;
    try {
      const o = JSON.parse(raw) as Partial<DmOffer>;
      if (typeof o.authorId !== 'string' || typeof o.channelId !== 'string' || typeof o.content !== 'string' || !Array.isArray(o.attachments)) return null;
      return { authorId: o.authorId, channelId: o.channelId, content: o.content, attachments: o.attachments.filter((a): a is string => typeof a === 'string') };
    } catch {
      return null;
    }
  }

  /** The ticket whose requester's thread this is (support channels). */
  async ticketOfThread(threadId: string): Promise<string | null> {
    return this.kv.getValue(NS.thread, threadId);
  }

  async rememberThread(threadId: string, ticketId: string): Promise<void> {
    await this.kv.setValue(NS.thread, threadId, ticketId);
  }

  /**
   * A staff message written in a requester's thread: the requester read it
   * there already, so its relay back into the thread is skipped. Keyed by
   * what was said (a digest), as the notification carries no message id.
   */
  async markSaidInThread(key: string): Promise<void> {
    await this.kv.setValue(NS.echo, key, '1');
  }

  async saidInThread(key: string): Promise<boolean> {
    return (await this.kv.getValue(NS.echo, key)) !== null;
  }
}
