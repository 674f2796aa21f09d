import type { Person } from '../domain/person.js';
import type { Notification } from '../notifications/notification.js';

export type DeliveryOutcome =
  | { readonly status: 'delivered' }
  /** Permanent for this channel (DMs closed, user deactivated, bot removed): try the next channel. */
  | { readonly status: 'unreachable'; readonly reason: string };

/**
 * One way to reach a person (console, Slack, Discord, email). Transient
 * failures are thrown so the calling workflow step retries.
 */
export interface NotificationChannel {
  readonly name: string;
  /** Whether the person has what this channel needs (an identity on the platform, an email address). */
  canReach(person: Person): boolean;
  /** Chat channels can deliver; `email` is the fallback. */
  readonly kind: 'chat' | 'email';
  deliver(person: Person, notification: Notification): Promise<DeliveryOutcome>;
}
