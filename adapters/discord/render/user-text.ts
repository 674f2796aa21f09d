import type { PersonRef } from '../../../core/index.js';
import { codeAndUrlSplitter } from '../../../core/domain/text-pieces.js';
import { discordUserId } from '../identity.js';

/**
 * A URL Discord would make clickable (it links anything with a scheme).
 * Checked on the raw text, so whitespace, `<`, `>`, `|`, backslashes and
 * backticks end a URL.
 */
const pieces = codeAndUrlSplitter(/\b[a-z][a-z0-9+.-]*:\/\/[^\s`<>|\\]+/);
/** Markdown Discord reads anywhere in a line: emphasis, code, spoilers, masked links, mentions and tokens (`<@…>`, `<#…>`, `<t:…>`). */
const INLINE_MARKUP = /[\\*_~`|[\]()<>]/g;
/** Markdown Discord reads at the start of a line: headings and `-#` subtext, lists, ordered lists. */
const LINE_MARKUP = /^(\s*)([#\-+]|\d+(?=\.))/gm;

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
  for (const p of pieces(text)) {
    if (p.kind === 'text') out += escapeMarkdown(p.text);
    else if (p.kind === 'code') out += p.text;
    // Right after a code span, a second backtick would read as "``": keep them apart.
    else out += `${out.endsWith('`') ? ' ' : ''}\`${p.text}\``;
  }
  return out;
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
