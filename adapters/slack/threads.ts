import type { KeyValueStore } from '../../core/index.js';

/** Which card a thread hangs off: the requester's or the moderator's. */
export type ThreadRole = 'requester' | 'moderator';

export interface MessageRef {
  readonly channel: string;
  readonly ts: string;
}

export interface ThreadOwner {
  readonly ticketId: string;
  readonly role: ThreadRole;
  readonly personId: string;
}

const NS = 'slack';

/**
 * Where each person's ticket card lives (DM channel + message ts) and the
 * way back from a thread to its ticket, kept durably in the store's
 * key-value space so a restart loses no conversation.
 */
export class ThreadIndex {
  constructor(private readonly kv: KeyValueStore) {}

  async dmChannel(userId: string): Promise<string | null> {
    return this.kv.getValue(NS, `dm:${userId}`);
  }

  async rememberDmChannel(userId: string, channel: string): Promise<void> {
    await this.kv.setValue(NS, `dm:${userId}`, channel);
  }

  async card(ticketId: string, role: ThreadRole, personId: string): Promise<MessageRef | null> {
    return parse<MessageRef>(await this.kv.getValue(NS, `card:${ticketId}:${role}:${personId}`), (v) => typeof v.channel === 'string' && typeof v.ts === 'string');
  }

  /** Records a card; the reverse entry is written first so a reply can never find a card that maps nowhere. */
  async rememberCard(owner: ThreadOwner, ref: MessageRef): Promise<void> {
    await this.kv.setValue(NS, `thread:${ref.channel}:${ref.ts}`, JSON.stringify(owner));
    await this.kv.setValue(NS, `card:${owner.ticketId}:${owner.role}:${owner.personId}`, JSON.stringify({ channel: ref.channel, ts: ref.ts }));
  }

  /**
   * Links a thread the bot does not own (under a person's channel message)
   * to a ticket, so replies there reach it; no card is recorded, since the
   * root is the person's message and cannot be updated.
   */
  async rememberThread(owner: ThreadOwner, ref: MessageRef): Promise<void> {
    await this.kv.setValue(NS, `thread:${ref.channel}:${ref.ts}`, JSON.stringify(owner));
  }

  /** Marks a channel message as "not a ticket", so a later reaction does not file it again. */
  async markWithdrawn(ref: MessageRef): Promise<void> {
    await this.kv.setValue(NS, `withdrawn:${ref.channel}:${ref.ts}`, '1');
  }

  async isWithdrawn(ref: MessageRef): Promise<boolean> {
    return (await this.kv.getValue(NS, `withdrawn:${ref.channel}:${ref.ts}`)) !== null;
  }

  /** Keeps the text of a DM the bot offered to file, until the person clicks (or never does). */
  async rememberOffer(ref: MessageRef, text: string): Promise<void> {
    await this.kv.setValue(NS, `offer:${ref.channel}:${ref.ts}`, text);
  }

  async offer(ref: MessageRef): Promise<string | null> {
    return this.kv.getValue(NS, `offer:${ref.channel}:${ref.ts}`);
  }

  /** The ticket a thread belongs to, from the thread's root message. */
  async owner(channel: string, threadTs: string): Promise<ThreadOwner | null> {
    return parse<ThreadOwner>(
      await this.kv.getValue(NS, `thread:${channel}:${threadTs}`),
      (v) => typeof v.ticketId === 'string' && (v.role === 'requester' || v.role === 'moderator') && typeof v.personId === 'string',
    );
  }
}

function parse<T>(raw: string | null, valid: (v: Record<string, unknown>) => boolean): T | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    return valid(v) ? (v as T) : null;
  } catch {
    return null;
  }
}
