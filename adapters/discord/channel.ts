import { REST } from 'discord.js';
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
import { DirectMessages, permanentFailure } from './dm.js';
import { discordUserId } from './identity.js';
import { renderNotification } from './render/notifications.js';

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
