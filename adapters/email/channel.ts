import { randomBytes } from 'node:crypto';
import type { DeliveryOutcome, KeyValueStore, Logger, Notification, NotificationChannel, Person } from '../../core/index.js';
import { composeEmail } from './compose.js';
import { MailThreads, messageIdDomain } from './threading.js';
import type { MailTransport } from './transport.js';

export interface EmailChannelOptions {
  readonly transport: MailTransport;
  /** `MAIL_FROM`, e.g. `Helpdesk <helpdesk@example.com>`; its domain also names the Message-IDs. */
  readonly from: string;
  /** Where thread roots are remembered (the helpdesk store). */
  readonly threads: KeyValueStore;
  readonly logger: Logger;
}

/**
 * Email as a notification channel, the fallback after chat: it reaches
 * anyone with an email address. Each notification becomes one message with
 * a text and an HTML part, threaded per ticket and recipient. A mail server
 * that is down or answers "try later" makes `deliver` throw, so the
 * workflow step retries and the mail is delayed, never dropped; a server
 * that refuses the address for good makes the person unreachable by email.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  readonly kind = 'email' as const;
  private readonly threads: MailThreads;
  private readonly logger: Logger;

  constructor(private readonly options: EmailChannelOptions) {
    this.threads = new MailThreads(options.threads, messageIdDomain(options.from), () => randomBytes(6).toString('hex'));
    this.logger = options.logger.child({ channel: 'email' });
  }

  /** Closes the SMTP connection pool at shutdown. */
  close(): void {
    this.options.transport.close();
  }

  canReach(person: Person): boolean {
    return typeof person.email === 'string' && person.email.trim() !== '';
  }

  async deliver(person: Person, notification: Notification): Promise<DeliveryOutcome> {
    const address = person.email?.trim();
    if (!address) return { status: 'unreachable', reason: 'no email address' };
    const ticket = notification.ticket;
    const mail = composeEmail(notification, person.displayName);
    const thread = await this.threads.next(ticket.id, person.id);
    const meta = { ticketRef: ticket.ref, kind: notification.kind };
    try {
      await this.options.transport.send(
        {
          from: this.options.from,
          to: { name: person.displayName, address },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: thread.messageId,
          ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo } : {}),
          ...(thread.references ? { references: thread.references } : {}),
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Helpdesk-Ticket': String(ticket.ref) },
        },
        meta,
      );
    } catch (error) {
      if (isAddressRefused(error)) {
        this.logger.warn({ personId: person.id, ...meta, smtpCode: (error as { responseCode?: number }).responseCode }, 'mail server refused the address');
        return { status: 'unreachable', reason: 'the mail server refused the address' };
      }
      // Transient (server down, 4xx, timeout) or a configuration problem: the step retries.
      this.logger.warn({ personId: person.id, ...meta, err: describe(error) }, 'email not sent; the step will retry');
      throw error;
    }
    if (thread.root) await this.threads.rootSent(ticket.id, person.id, thread.messageId);
    if (this.options.transport.kind === 'smtp') this.logger.info({ personId: person.id, ...meta }, 'email sent');
    return { status: 'delivered' };
  }
}

/** A permanent rejection of the recipient (5xx on RCPT TO): retrying would get the same answer. */
function isAddressRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; permanent?: unknown; command?: unknown; responseCode?: unknown };
  const permanent = e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503);
  return e.code === 'EENVELOPE' && permanent && (typeof e.command !== 'string' || e.command.toUpperCase().startsWith('RCPT'));
}

/** Error text for logs without the SMTP server's reply, which may quote the address. */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  return [e.name, e.code, e.responseCode].filter((x) => x !== undefined).join(' ') || 'unknown error';
}
