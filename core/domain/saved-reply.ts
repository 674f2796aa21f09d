import { fail, ok, type Result } from './errors.js';
import type { Iso } from './ticket.js';

/** A canned answer admins keep for common questions; staff send it with `/reply #n <name>`. */
export interface SavedReply {
  /** Lowercase key: letters, digits, `-`, `_`, `.`; up to 40. */
  readonly name: string;
  readonly text: string;
  readonly createdBy: string;
  readonly createdAt: Iso;
  readonly updatedAt: Iso;
}

export const SAVED_REPLY_PLACEHOLDERS = ['{requester}', '{ref}', '{title}', '{assignee}'] as const;
const NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** Checks and normalizes a saved reply's name (case-insensitive, stored lowercase). */
export function savedReplyName(raw: string): Result<string> {
  const name = raw.trim().toLowerCase();
  if (!NAME.test(name))
    return fail('INPUT.INVALID', `"${raw.slice(0, 40)}" is not a saved reply name: use up to 40 lowercase letters, digits, "-", "_" or ".", like vpn-reset.`);
  return ok(name);
}

export interface PlaceholderValues {
  readonly requester: string;
  readonly ref: string;
  readonly title: string;
  readonly assignee: string;
}

/** Fills `{requester}`, `{ref}`, `{title}` and `{assignee}`; other braces stay as typed. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(requester|ref|title|assignee)\}/g, (_, key: keyof PlaceholderValues) => values[key]);
}
