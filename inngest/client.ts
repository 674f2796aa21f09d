import { Inngest, type Logger as InngestLogger } from 'inngest';
import type { Logger } from '../core/index.js';

/** Everything the Inngest client needs, passed in by `bot/` (which alone reads the environment). */
export interface InngestClientOptions {
  /** App id shown in Inngest; keep it stable across deploys. Default `helpdesk-bot`. */
  readonly id?: string;
  /** `INNGEST_EVENT_KEY`: needed to send events to Inngest Cloud or a self-hosted server. */
  readonly eventKey?: string;
  /** `INNGEST_SIGNING_KEY`: Inngest signs its calls to `/api/inngest` with it. */
  readonly signingKey?: string;
  /** `INNGEST_SIGNING_KEY_FALLBACK`, used while rotating keys. */
  readonly signingKeyFallback?: string;
  /** `INNGEST_BASE_URL`: a self-hosted `inngest start` (event API and API on one origin), or a dev server elsewhere. */
  readonly baseUrl?: string;
  /** `INNGEST_DEV`: talk to the local dev server (no keys, no signatures). Always explicit, so the choice is the bot's. */
  readonly isDev: boolean;
  readonly logger?: Logger;
  /** A fetch to reach Inngest with (tests point it nowhere else; production uses the global one). */
  readonly fetch?: typeof fetch;
}

/** The Inngest client type used across inngest/. */
export type HelpdeskInngest = Inngest;

/**
 * Creates the Inngest client from explicit options. The SDK still looks at
 * `INNGEST_*` variables for anything not given here; every option given here
 * wins over them.
 */
export function createInngestClient(options: InngestClientOptions): HelpdeskInngest {
  return new Inngest({
    id: options.id ?? 'helpdesk-bot',
    isDev: options.isDev,
    ...(options.eventKey ? { eventKey: options.eventKey } : {}),
    ...(options.signingKey ? { signingKey: options.signingKey } : {}),
    ...(options.signingKeyFallback ? { signingKeyFallback: options.signingKeyFallback } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.logger ? { logger: toInngestLogger(options.logger) } : {}),
  });
}

/**
 * Inngest logs with console-style arguments; the helpdesk logger (pino)
 * takes an object and a message. Strings become the message, the first
 * object becomes the fields.
 */
export function toInngestLogger(logger: Logger): InngestLogger {
  const forward =
    (write: (obj: object | string, msg?: string) => void) =>
    (...args: unknown[]): void => {
      const text = args.filter((a): a is string => typeof a === 'string').join(' ');
      const fields = args.find((a): a is object => typeof a === 'object' && a !== null);
      if (fields instanceof Error) write({ err: fields }, text || fields.message);
      else if (fields) write(fields, text || undefined);
      else write(text);
    };
  return {
    debug: forward((o, m) => logger.debug(o, m)),
    info: forward((o, m) => logger.info(o, m)),
    warn: forward((o, m) => logger.warn(o, m)),
    error: forward((o, m) => logger.error(o, m)),
  };
}
