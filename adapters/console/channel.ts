import { renderText, type DeliveryOutcome, type Notification, type NotificationChannel, type Person } from '../../core/index.js';
import { formatMessage, handleOf, type ConsoleOutput } from './output.js';

/**
 * Delivers notifications as console lines. The filing receipt and in-place
 * card refreshes are chat-card concepts: on the console the command's own
 * reply already said it, so they are acknowledged without printing.
 */
export class ConsoleChannel implements NotificationChannel {
  readonly name = 'console';
  readonly kind = 'chat' as const;

  constructor(private readonly out: ConsoleOutput) {}

  canReach(person: Person): boolean {
    return handleOf(person.identities) !== null;
  }

  async deliver(person: Person, notification: Notification): Promise<DeliveryOutcome> {
    const handle = handleOf(person.identities);
    if (handle === null) return { status: 'unreachable', reason: 'no console identity' };
    if (notification.kind === 'ticket.filed' || notification.kind === 'ticket.card') return { status: 'delivered' };
    this.out.write(formatMessage(handle, renderText(notification)));
    return { status: 'delivered' };
  }
}
