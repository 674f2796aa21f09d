import { Errors, fail, ok, type Result } from '../domain/errors.js';
import { parseRef } from '../domain/ticket.js';

/**
 * The grammar of the staff commands, shared by every chat surface, so
 * `/note #12 …` means the same on Slack, Discord and the console:
 * `/claim #n`, `/note #n <text>`, `/reply #n <name>`,
 * `/replies list | add <name> <text> | remove <name>`, `/audit [@h] [page:n]`.
 */
export const REPLIES_GRAMMAR = 'Usage: /replies list · /replies add <name> <text> · /replies remove <name>. Placeholders: {requester} {ref} {title} {assignee}.';
export const AUDIT_GRAMMAR = 'Usage: /audit [@someone] [page:2]';

/** `#12 the rest`: the ticket number first, then whatever follows (trimmed). */
export function parseTicketArgs(raw: string, usage: string): Result<{ readonly ref: number; readonly rest: string }> {
  const text = raw.trim();
  const [first = ''] = text.split(/\s+/);
  if (first === '') return fail('INPUT.BAD_REF', `Say which ticket, like #12. ${usage}`);
  const ref = parseRef(first);
  if (ref === null) return Errors.badRef(first);
  return ok({ ref, rest: text.slice(first.length).trim() });
}

export type RepliesCommand =
  | { readonly op: 'list' }
  | { readonly op: 'add'; readonly name: string; readonly text: string }
  | { readonly op: 'remove'; readonly name: string };

/** `/replies list|add <name> <text>|remove <name>`; nothing means list. */
export function parseRepliesCommand(raw: string): Result<RepliesCommand> {
  const rest = raw.trim();
  const [op = 'list', name = ''] = rest.split(/\s+/).filter(Boolean);
  const text = rest.slice(op.length).trim().slice(name.length).trim();
  switch (op.toLowerCase()) {
    case 'list':
      return ok({ op: 'list' });
    case 'add':
      return name ? ok({ op: 'add', name, text }) : fail('INPUT.BAD_COMMAND', REPLIES_GRAMMAR);
    case 'remove':
      return name ? ok({ op: 'remove', name }) : fail('INPUT.BAD_COMMAND', REPLIES_GRAMMAR);
    default:
      return fail('INPUT.BAD_COMMAND', REPLIES_GRAMMAR);
  }
}

/** `/audit [@h] [page:n]`: the identity of the person named (if any), as the surface resolves a mention, and the page. */
export function parseAuditArgs(raw: string, mention: (token: string) => string | null): Result<{ readonly identity: string | null; readonly shownAs: string; readonly page: number }> {
  let identity: string | null = null;
  let shownAs = '';
  let page = 1;
  for (const token of raw.split(/\s+/).filter(Boolean)) {
    if (/^page:/i.test(token)) {
      const value = token.slice(5);
      const n = /^\d{1,6}$/.test(value) ? Number(value) : 0;
      if (n < 1) return fail('INPUT.BAD_FILTER', `page: takes a page number from 1, like page:2, not "${value.slice(0, 30)}".`);
      page = n;
      continue;
    }
    const found = mention(token);
    if (!found) return fail('INPUT.BAD_COMMAND', `"${token.slice(0, 40)}" is not a person. ${AUDIT_GRAMMAR}`);
    identity = found;
    shownAs = token;
  }
  return ok({ identity, shownAs, page });
}
