import { randomInt } from 'node:crypto';
import { DomainRejection, isDomainError, type Logger } from '../../core/index.js';

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short reference a person can quote to an admin; the same ref is in the log. */
export function newErrorRef(): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return out;
}

/**
 * The Slack adapter's one error sink. Domain errors carry a sentence meant
 * for people and are shown as they are; anything else is a bug: the person
 * sees a short message with a reference, the log gets the error under the
 * same reference. Raw exceptions never reach a user.
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
    this.logger.error({ err: error, ref, where, ...bindings }, 'unexpected error in a Slack handler');
    return `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell a helpdesk admin the ref.`;
  }
}
