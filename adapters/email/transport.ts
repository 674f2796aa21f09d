import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { Logger } from '../../core/index.js';

/** SMTP as `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`), or as separate settings. */
export type SmtpSettings =
  | { readonly url: string }
  | {
      readonly host: string;
      /** Default 587, or 465 when `secure`. */
      readonly port?: number;
      /** TLS from the first byte (port 465). Default: true for port 465. Otherwise STARTTLS is used when offered. */
      readonly secure?: boolean;
      readonly user?: string;
      readonly password?: string;
    };

/** Where a message went: the SMTP server's Message-ID, or the spool file. */
export interface SentMail {
  readonly messageId: string;
  readonly file?: string;
}

/** Sends composed messages. Throws on failure (the caller decides what is permanent). */
export interface MailTransport {
  /** `smtp` or `spool` (offline .eml files), for the start-up log. */
  readonly kind: 'smtp' | 'spool';
  send(mail: SendMailOptions, meta: { readonly ticketRef: number; readonly kind: string }): Promise<SentMail>;
  close(): void;
}

/** Timeouts so a hung mail server fails the step (to be retried) instead of blocking it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** An SMTP transport; credentials never reach the logs. */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  const transporter =
    'url' in settings
      ? createTransport({ url: settings.url, ...TIMEOUTS })
      : createTransport({
          host: settings.host,
          port: settings.port ?? (settings.secure ? 465 : 587),
          secure: settings.secure ?? settings.port === 465,
          ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
          ...TIMEOUTS,
        });
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * The offline default: each message is rendered exactly as it would go over
 * SMTP and written as `<dir>/<time>-<ref>-<kind>-<random>.eml`, which any
 * mail client opens. Nothing leaves the machine.
 */
export function spoolTransport(dir: string, logger: Logger): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | null = null;
  return {
    kind: 'spool',
    async send(mail, meta) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const info = await transporter.sendMail(mail);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(dir, `${stamp}-${meta.ticketRef}-${meta.kind.replace(/[^a-z0-9]+/gi, '-')}-${randomBytes(3).toString('hex')}.eml`);
      const body = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message));
      await writeFile(file, body, { flag: 'wx' });
      logger.info({ ticketRef: meta.ticketRef, kind: meta.kind, file }, 'email written to the offline spool (no SMTP configured)');
      return { messageId: info.messageId, file };
    },
    close: () => transporter.close(),
  };
}
