import { DiscordAPIError, REST, Routes } from 'discord.js';
import {
  personRef,
  type DeliveryOutcome,
  type Logger,
  type Notification,
  type NotificationChannel,
  type Person,
  type PersonRef,
  type KeyValueStore,
  type PersonStore,
} from '../../core/index.js';
import { CardIndex, type CardRef } from './card-index.js';
import { DirectMessages, nonceOf, permanentFailure } from './dm.js';
import { discordUserId } from './identity.js';
import { restBody } from './render/message.js';
import { renderNotification, type Delivery } from './render/notifications.js';
import { requesterThread, saidKey } from './thread.js';

/** Errors after which a requester's thread is given up for the DM (deleted, no access, locked or archived for good). */
const THREAD_GONE = new Set([10003, 50001, 50013, 50083, 160005]);

/** Notifications whose staff card names the requester although the notification does not carry them. */
const NEEDS_REQUESTER = new Set<Notification['kind']>(['ticket.unassigned-from', 'ticket.needs-assignee', 'sla.escalated']);

/**
 * Delivers notifications as Discord DMs: ticket cards (embeds with
 * buttons), replies to them, and in-place edits. A person whose DMs are
 * closed (or who left every shared server) is `unreachable`, so the
 * notifier falls back to their next channel (email). Transient failures
 * are thrown for the workflow step to retry.
 */
export class DiscordChannel implements NotificationChannel {
  readonly name = 'discord';
  readonly kind = 'chat' as const;

  constructor(
    /** The REST client every Discord call of the adapter shares (one view of the rate limits). */
    readonly rest: REST,
    readonly dms: DirectMessages,
    readonly cards: CardIndex,
    private readonly people: Pick<PersonStore, 'getPerson'>,
    private readonly logger: Logger,
  ) {}

  canReach(person: Person): boolean {
    return discordUserId(person.identities) !== null;
  }

  async deliver(person: Person, notification: Notification): Promise<DeliveryOutcome> {
    const userId = discordUserId(person.identities);
    if (userId === null) return { status: 'unreachable', reason: 'no Discord identity' };
    const ticket = notification.ticket;
    const requester = NEEDS_REQUESTER.has(notification.kind) ? await this.requesterOf(ticket.requesterId) : null;
    const plan = renderNotification(notification, requester);
    // Identifies this exact message, for Discord's nonce: a retried step does not post it twice.
    const key = `${ticket.id}:${person.id}:${notification.kind}:${ticket.version}`;
    const thread = requesterThread(ticket);
    if (thread && notification.kind === 'ticket.assignment') await this.addToThread(thread, userId);
    if (thread && notification.audience === 'requester' && person.id === ticket.requesterId && (await this.deliverInThread(thread, notification, plan, key))) return { status: 'delivered' };
    try {
      const existing = await this.cards.card(ticket.id, person.id);
      if (plan.kind === 'card') {
        await this.newCard(userId, person.id, ticket.id, plan.message, key);
      } else if (plan.kind === 'edit-card') {
        const card = existing && (await this.dms.edit(existing, plan.message)) ? existing : await this.newCard(userId, person.id, ticket.id, plan.message, `${key}:card`);
        if (plan.reply) await this.reply(userId, ticket.id, plan.reply, `${key}:reply`, card);
      } else {
        await this.reply(userId, ticket.id, plan.message, key, existing);
      }
      return { status: 'delivered' };
    } catch (error) {
      const reason = permanentFailure(error);
      if (reason === null) throw error;
      this.logger.warn({ personId: person.id, ticketId: ticket.id, kind: notification.kind, reason }, 'Discord DM not possible');
      return { status: 'unreachable', reason };
    }
  }

  private async newCard(userId: string, personId: string, ticketId: string, message: Parameters<DirectMessages['send']>[1], key: string): Promise<CardRef> {
    const card = await this.dms.send(userId, message, key);
    await this.cards.setCard(ticketId, personId, card);
    await this.cards.rememberMessage(card.messageId, ticketId);
    return card;
  }

  private async reply(userId: string, ticketId: string, message: Parameters<DirectMessages['send']>[1], key: string, card: CardRef | null): Promise<void> {
    const sent = await this.dms.send(userId, message, key, card ?? undefined);
    await this.cards.rememberMessage(sent.messageId, ticketId);
  }

  /**
   * A requester notice in their support-channel thread instead of a DM.
   * `ticket.filed` is answered there by the surface that filed it, and a
   * staff message written in the thread itself is not posted again. False
   * when the thread can no longer be posted to (the DM takes over); other
   * failures are thrown for the step to retry.
   */
  private async deliverInThread(threadId: string, n: Notification, plan: Delivery, key: string): Promise<boolean> {
    if (n.kind === 'ticket.filed') return true;
    if (n.kind === 'ticket.message' && (await this.cards.saidInThread(saidKey(n.ticket.id, n.from.id, n.text)))) return true;
    const message = plan.kind === 'edit-card' ? (plan.reply ?? plan.message) : plan.message;
    try {
      const sent = (await this.rest.post(Routes.channelMessages(threadId), { body: { ...restBody(message), nonce: nonceOf(`${key}:thread`), enforce_nonce: true } })) as { id: string };
      await this.cards.rememberMessage(sent.id, n.ticket.id);
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === 'number' && THREAD_GONE.has(error.code)) {
        this.logger.warn({ ticketId: n.ticket.id, threadId, code: error.code }, 'support thread unavailable; the requester is told by DM');
        return false;
      }
      throw error;
    }
  }

  /** The moderator a ticket goes to joins its requester's thread (best effort: the card works without it). */
  private async addToThread(threadId: string, userId: string): Promise<void> {
    try {
      await this.rest.put(Routes.threadMembers(threadId, userId));
    } catch (error) {
      this.logger.warn({ threadId, code: error instanceof DiscordAPIError ? error.code : undefined }, 'could not add the moderator to the support thread');
    }
  }

  private async requesterOf(personId: string): Promise<PersonRef | null> {
    const p = await this.people.getPerson(personId);
    return p ? personRef(p) : null;
  }
}

export interface DiscordChannelOptions {
  /** Card ids and DM channels live in its key-value space; requesters are looked up in it. */
  readonly store: KeyValueStore & Pick<PersonStore, 'getPerson'>;
  readonly logger: Logger;
  readonly config: { readonly token: string; readonly apiUrl?: string };
}

/**
 * The `discord` notification channel on its own, for wiring it into the
 * Notifier before the Helpdesk (and the surface) exist. Pass it to
 * `createDiscordSurface({ channel })` so both share one REST client.
 */
export function createDiscordChannel(options: DiscordChannelOptions): DiscordChannel {
  const rest = new REST(options.config.apiUrl ? { api: options.config.apiUrl } : {}).setToken(options.config.token);
  const cards = new CardIndex(options.store);
  return new DiscordChannel(rest, new DirectMessages(rest, cards), cards, options.store, options.logger.child({ channel: 'discord' }));
}
