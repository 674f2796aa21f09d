import type { PersonRef } from '../../../core/index.js';
import { discordUserId } from '../identity.js';

/**
 * A person's own code block or inline code span, or a URL Discord would make
 * clickable (it links anything with a scheme). Checked on the raw text, so
 * whitespace, `<`, `>`, `|`, backslashes and backticks end a URL.
 */
const CODE_OR_URL = /```[\s\S]*?```|`[^`\n]+`|\b[a-z][a-z0-9+.-]*:\/\/[^\s`<>|\\]+/gi;
/** Markdown Discord reads anywhere in a line: emphasis, code, spoilers, masked links, mentions and tokens (`<@…>`, `<#…>`, `<t:…>`). */
const INLINE_MARKUP = /[\\*_~`|[\]()<>]/g;
/** Markdown Discord reads at the start of a line: headings and `-#` subtext, lists, ordered lists. */
const LINE_MARKUP = /^(\s*)([#\-+]|\d+(?=\.))/gm;
/** Punctuation that ends a sentence rather than the URL before it. */
const URL_TAIL = /[.,;:!?'"*_~]+$/;

/**
 * The one way text a person typed (titles, descriptions, relayed messages,
 * resolution notes, names, and what triage derived from them) becomes
 * Discord markdown for message content, embed titles, descriptions and
 * field values: every markdown character backslash-escaped, so
 * `[click](https://x)` shows as typed and is no masked link, `<@…>` and
 * `<#…>` are no mentions, and `**` is no emphasis; every URL inside inline
 * code, so it shows in full and is not clickable; the person's own code
 * spans kept as they are. Pings stay off through `allowed_mentions`
 * (`NO_MENTIONS`). Embed author names and footers render no markdown and
 * take the text unchanged.
 */
export function discordText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODE_OR_URL)) {
    out += escapeMarkdown(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith('`')) {
      out += m[0];
      continue;
    }
    const url = trimUrl(m[0]);
    // Right after a code span, a second backtick would read as "``": keep them apart.
    out += `${out.endsWith('`') ? ' ' : ''}\`${url}\``;
    last -= m[0].length - url.length;
  }
  return out + escapeMarkdown(text.slice(last));
}

/** A person as Discord markdown: a mention (never pings, see `NO_MENTIONS`) for Discord users, else their name as text. */
export function personText(person: Pick<PersonRef, 'displayName' | 'identities'>): string {
  const id = discordUserId(person.identities);
  return id ? `<@${id}>` : discordText(person.displayName);
}

/** Multi-line text as a block quote, every line quoted. */
export function quoteLines(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&').replace(LINE_MARKUP, (_m, indent: string, mark: string) => (/^\d/.test(mark) ? `${indent}${mark}\\` : `${indent}\\${mark}`));
}

/** Leaves trailing punctuation (and a closing parenthesis the URL did not open) outside the URL. */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const next = out.replace(URL_TAIL, '');
    const unopened = next.endsWith(')') && (next.match(/\(/g)?.length ?? 0) < (next.match(/\)/g)?.length ?? 0);
    const trimmed = unopened ? next.slice(0, -1) : next;
    if (trimmed === out) return out;
    out = trimmed;
  }
}
