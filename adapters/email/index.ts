/** Email: the fallback notification channel (SMTP, or an offline .eml spool). */
import { join } from 'node:path';
import type { KeyValueStore, Logger } from '../../core/index.js';
import { EmailChannel } from './channel.js';
import { smtpTransport, spoolTransport, type SmtpSettings } from './transport.js';

export interface EmailConfig {
  /** `MAIL_FROM`, e.g. `Helpdesk <helpdesk@example.com>`. */
  readonly from: string;
  /** `SMTP_URL` or `SMTP_HOST`/`SMTP_PORT`/`SMTP_SECURE`/`SMTP_USER`/`SMTP_PASSWORD`; null for the offline spool. */
  readonly smtp: SmtpSettings | null;
  /** `DATA_DIR`; without SMTP, messages are written to `<dataDir>/outbox-mail/`. */
  readonly dataDir: string;
}

/** Builds the email channel from configuration: SMTP when configured, the offline spool otherwise. */
export function createEmailChannel(config: EmailConfig, deps: { readonly threads: KeyValueStore; readonly logger: Logger }): EmailChannel {
  const transport = config.smtp ? smtpTransport(config.smtp) : spoolTransport(join(config.dataDir, 'outbox-mail'), deps.logger.child({ channel: 'email' }));
  return new EmailChannel({ transport, from: config.from, threads: deps.threads, logger: deps.logger });
}

export { EmailChannel, type EmailChannelOptions } from './channel.js';
export { composeEmail, type ComposedEmail } from './compose.js';
export { emailSubject } from './subject.js';
export { MailThreads, messageIdDomain, type ThreadHeaders } from './threading.js';
export { smtpTransport, spoolTransport, type MailTransport, type SentMail, type SmtpSettings } from './transport.js';
