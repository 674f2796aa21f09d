import { DomainRejection, isDomainError } from './domain/errors.js';
import type { Logger } from './ports/system.js';

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short reference a person can quote to an admin (no look-alike characters); the log carries the same one. */
export function newErrorRef(): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += REF_ALPHABET[Math.floor(Math.random() * REF_ALPHABET.length)];
  return out;
}

/**
 * What a person reads when a chat platform could not open a form because the
 * helpdesk took too long to ask for it (the store was slow: a database
 * election). Nothing was done, so it is no error to report with a reference.
 */
export const FORM_TOO_LATE = 'The helpdesk was busy for a moment, so the form could not open in time. Nothing was changed; try again.';

export interface ErrorSinkOptions {
  readonly logger: Logger;
  /** The surface named in the log line, e.g. `Slack`. */
  readonly surface: string;
  readonly newRef?: () => string;
  /** The error as it may be logged (a platform may have credentials to cut out of it). */
  readonly loggable?: (error: unknown) => unknown;
}

/**
 * A chat surface's one error sink. Domain errors carry a sentence meant for
 * people and are shown as they are; anything else is a bug: the person sees
 * a short message with a reference, the log gets the error under the same
 * reference. Raw exceptions never reach a user.
 */
export class ErrorSink {
  private readonly newRef: () => string;
  private readonly loggable: (error: unknown) => unknown;

  constructor(private readonly options: ErrorSinkOptions) {
    this.newRef = options.newRef ?? newErrorRef;
    this.loggable = options.loggable ?? ((error) => error);
  }

  /** The text to show for `error`, logging it first when it is unexpected. */
  text(error: unknown, where: string, bindings: Record<string, unknown> = {}): string {
    if (isDomainError(error)) return error.message;
    if (error instanceof DomainRejection) return error.error.message;
    const ref = this.newRef();
    this.options.logger.error({ err: this.loggable(error), ref, where, ...bindings }, `unexpected error in a ${this.options.surface} handler`);
    return `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell a helpdesk admin the ref.`;
  }
}
