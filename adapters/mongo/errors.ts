/** Errors of the MongoDB store, and how driver errors are recognized. */

/**
 * The store could not be opened: a malformed URI, an unreachable server,
 * refused credentials. `message` says what happened in one sentence (the
 * URI's password never appears); `hint` says what to check.
 */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

interface DriverError {
  code?: unknown;
  keyPattern?: unknown;
  keyValue?: unknown;
  errmsg?: unknown;
  message?: unknown;
}

/** A unique-index violation (E11000), optionally on a given field. */
export function isDuplicateKey(error: unknown, field?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as DriverError;
  if (e.code !== 11000) return false;
  if (field === undefined) return true;
  if (typeof e.keyPattern === 'object' && e.keyPattern !== null) return Object.hasOwn(e.keyPattern, field);
  // Old servers report only the message: "… index: <field>_1 dup key: …".
  const text = typeof e.errmsg === 'string' ? e.errmsg : typeof e.message === 'string' ? e.message : '';
  return text.includes(` index: ${field}_`);
}

/** `mongodb://user:secret@host/db` → `mongodb://host/db`, for logs and messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/i, '$1').replace(/\?.*$/, '');
}
