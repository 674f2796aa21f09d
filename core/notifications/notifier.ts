import type { Person } from '../domain/person.js';
import type { NotificationChannel } from '../ports/notifier.js';
import type { Logger } from '../ports/system.js';
import { routeChannels } from '../policies/routing.js';
import { isStaffOnly } from '../domain/ticket.js';
import type { Notification } from './notification.js';

export type NotifyResult =
  | { readonly delivered: true; readonly channel: string }
  | { readonly delivered: false; readonly reasons: readonly string[] };

/**
 * Delivers a notification over the first channel that works for the person,
 * following the routing policy. A channel that says the person is
 * unreachable (DMs closed, no identity) hands over to the next one, ending
 * with email. Transient failures propagate so the workflow step retries.
 */
export class Notifier {
  constructor(
    private readonly channels: readonly NotificationChannel[],
    private readonly logger: Logger,
  ) {}

  get channelNames(): string[] {
    return this.channels.map((c) => c.name);
  }

  async notify(person: Person, given: Notification): Promise<NotifyResult> {
    const notification = forAudience(given);
    const route = routeChannels(person, this.channels, notification.ticket.origin.platform);
    const reasons: string[] = [];
    for (const channel of route) {
      const outcome = await channel.deliver(person, notification);
      if (outcome.status === 'delivered') return { delivered: true, channel: channel.name };
      reasons.push(`${channel.name}: ${outcome.reason}`);
      this.logger.warn({ personId: person.id, channel: channel.name, kind: notification.kind, reason: outcome.reason }, 'channel could not deliver; trying the next one');
    }
    if (route.length === 0) reasons.push('no channel can reach this person');
    this.logger.error({ personId: person.id, kind: notification.kind, ticketRef: notification.ticket.ref, reasons }, 'notification could not be delivered on any channel');
    return { delivered: false, reasons };
  }
}

/**
 * What a requester-facing notice may carry: the ticket without internal
 * notes, so no channel (chat, email fallback) can ever render one to them.
 */
function forAudience(n: Notification): Notification {
  if (n.audience !== 'requester' || !n.ticket.history.some(isStaffOnly)) return n;
  return { ...n, ticket: { ...n.ticket, history: n.ticket.history.filter((h) => !isStaffOnly(h)) } };
}
