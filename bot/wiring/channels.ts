import type { Logger, Store } from '../../core/index.js';
import { createEmailChannel, type EmailChannel, type SmtpSettings } from '../../adapters/email/index.js';
import type { Config } from '../config.js';

/** Email is always available: SMTP when configured, otherwise .eml files under DATA_DIR. */
export function buildEmail(config: Readonly<Config>, store: Store, logger: Logger): { channel: EmailChannel; description: string } {
  let smtp: SmtpSettings | null = null;
  if (config.SMTP_URL) smtp = { url: config.SMTP_URL };
  else if (config.SMTP_HOST)
    smtp = {
      host: config.SMTP_HOST,
      ...(config.SMTP_PORT !== undefined ? { port: config.SMTP_PORT } : {}),
      ...(config.SMTP_SECURE !== undefined ? { secure: config.SMTP_SECURE } : {}),
      ...(config.SMTP_USER ? { user: config.SMTP_USER } : {}),
      ...(config.SMTP_PASSWORD ? { password: config.SMTP_PASSWORD } : {}),
    };
  const channel = createEmailChannel({ from: config.MAIL_FROM ?? 'Helpdesk <helpdesk@localhost>', smtp, dataDir: config.DATA_DIR }, { threads: store, logger });
  return { channel, description: smtp ? 'smtp' : `spool (${config.DATA_DIR}/outbox-mail)` };
}
