import { randomInt } from 'node:crypto';
import { DomainRejection, isDomainError, type Logger } from '../../core/index.js';

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short reference a person can quote to an admin; the log carries the same one. */
export function newErrorRef(): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return out;
}

/**
 * The Discord adapter's one error sink. Domain errors carry a sentence
 * written for people and are shown as they are; anything else is a bug:
 * the person sees a short message with a reference, the log gets the error
 * under the same reference. Raw exceptions never reach a user.
 */
export class ErrorSink {
  constructor(
    private readonly logger: Logger,
    private readonly newRef: () => string = newErrorRef,
  ) {}

  /** The text to show for `error`, logging it first when it is unexpected. */
  text(error: unknown, where: string, bindings: Record<string, unknown> = {}): string {
    if (isDomainError(error)) return error.message;
    if (error instanceof DomainRejection) return error.error.message;
    const ref = this.newRef();
    this.logger.error({ err: loggable(error), ref, where, ...bindings }, 'unexpected error in a Discord handler');
    return `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell a helpdesk admin the ref.`;
  }
}

/**
 * An error as it may be logged: REST errors carry the request URL, and an
 * interaction's URL contains its token (a 15-minute credential for replying),
 * so the token is cut out.
 */
export function loggable(error: unknown): unknown {
  if (!(error instanceof Error) || !('url' in error) || typeof error.url !== 'string') return error;
  const e = error as Error & { url: string; code?: unknown; status?: unknown; method?: unknown };
  return { name: e.name, message: e.message, code: e.code, status: e.status, method: e.method, url: redactUrl(e.url), stack: e.stack };
}

/** `/interactions/{id}/{token}/…` and `/webhooks/{app}/{token}/…` with the token replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?]+/g, '/$1/$2/[token]');
}
