/**
 * Expected failures are values, not exceptions: every use case returns a
 * `Result`, and every failure carries a stable code plus one human sentence.
 * Adapters render the message as-is; unknown (thrown) errors are bugs.
 */

export type ErrorCode =
  | 'INPUT.INVALID'
  | 'INPUT.TITLE_EMPTY'
  | 'INPUT.TITLE_TOO_LONG'
  | 'INPUT.DESCRIPTION_TOO_LONG'
  | 'INPUT.NOTE_TOO_LONG'
  | 'INPUT.MESSAGE_EMPTY'
  | 'INPUT.BAD_REF'
  | 'INPUT.UNKNOWN_SKILL'
  | 'INPUT.BAD_COMMAND'
  | 'INPUT.BAD_FILTER'
  | 'TICKET.NOT_FOUND'
  | 'TICKET.ALREADY_STARTED'
  | 'TICKET.ALREADY_RESOLVED'
  | 'TICKET.NOT_RESOLVED'
  | 'TICKET.REOPEN_WINDOW_PASSED'
  | 'TICKET.NOT_ASSIGNED'
  | 'TICKET.CONFLICT'
  | 'TICKET.ALREADY_CLAIMED'
  | 'REPLY.NOT_FOUND'
  | 'PERSON.NOT_FOUND'
  | 'PERSON.UNKNOWN_HANDLE'
  | 'PERSON.NOT_MODERATOR'
  | 'PERSON.IDENTITY_TAKEN'
  | 'AUTH.ADMIN_ONLY'
  | 'AUTH.NOT_ASSIGNEE'
  | 'AUTH.NOT_PARTICIPANT'
  | 'AUTH.LAST_ADMIN'
  | 'AUTH.LINK_INVALID'
  | 'RATE.LIMITED';

/** A coded, expected failure with one human-readable sentence. */
export interface DomainError {
  readonly kind: 'domain-error';
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: domainError(code, message, details) };
}

export function domainError(code: ErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return details === undefined ? { kind: 'domain-error', code, message } : { kind: 'domain-error', code, message, details };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'domain-error';
}

/**
 * Thrown (not returned) across boundaries that cannot carry a Result, such as
 * a workflow step: the engine must not retry it. Inngest maps it to
 * NonRetriableError; the in-process runner fails the job at once.
 */
export class DomainRejection extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'DomainRejection';
  }
}

/** Unwraps a Result inside workflow code: a domain failure becomes a DomainRejection. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainRejection(result.error);
}

/** Raised by stores when an optimistic update lost a race; use cases retry. */
export class VersionConflict extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was changed concurrently`);
    this.name = 'VersionConflict';
  }
}

/** Raised by stores for a save whose history is shorter than the stored one: entries are never taken back, so this is a bug. */
export class HistoryShortenedError extends Error {
  constructor(ticketId: string, stored: number, given: number) {
    super(`ticket ${ticketId}: the save has ${given} history entries but ${stored} are stored; history is append-only`);
    this.name = 'HistoryShortenedError';
  }
}

/** Human sentences for the errors that several use cases share. */
export const Errors = {
  ticketNotFound: (ref: string | number) => fail('TICKET.NOT_FOUND', `Ticket ${formatRefLoose(ref)} does not exist.`),
  badRef: (raw: string) =>
    fail('INPUT.BAD_REF', `"${clip(raw, 40)}" is not a ticket reference. Use the ticket number, like #12.`),
  personNotFound: () => fail('PERSON.NOT_FOUND', 'That person is not known to the helpdesk yet.'),
  unknownHandle: (handle: string) =>
    fail('PERSON.UNKNOWN_HANDLE', `I don't know anyone called ${clip(handle, 60)}. They need to use the helpdesk once first.`),
  adminOnly: () => fail('AUTH.ADMIN_ONLY', 'Only helpdesk admins can do that.'),
  notAssignee: (ref: number) =>
    fail('AUTH.NOT_ASSIGNEE', `Only the moderator assigned to #${ref} or an admin can do that.`),
  conflict: (ref: number) =>
    fail('TICKET.CONFLICT', `Ticket #${ref} was changed by someone else at the same moment. Please try again.`),
} as const;

function formatRefLoose(ref: string | number): string {
  return typeof ref === 'number' ? `#${ref}` : clip(ref, 40);
}

/** Shortens user-supplied text quoted back in messages. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
