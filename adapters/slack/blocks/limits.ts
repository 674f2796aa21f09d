import type { types } from '@slack/bolt';
import { codeAndUrlSplitter } from '../../../core/domain/text-pieces.js';

/**
 * Block Kit limits (https://docs.slack.dev/reference/block-kit). Builders
 * truncate visibly to these instead of letting Slack reject the message:
 * a rejected card is a notification that never arrives.
 */
export const LIMITS = {
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  optionText: 75,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  placeholder: 150,
  plainInputMax: 3000,
  privateMetadata: 3000,
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text` of a message; Slack truncates beyond 40,000, notifications stay far shorter. */
  fallbackText: 3000,
} as const;

export type KnownBlock = types.KnownBlock;

const MORE = '…';
const MRKDWN_MORE = '… _(truncated)_';

/** Escapes Slack's three control characters, so text cannot open a link, mention or date token. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A URL a Slack client would make clickable (a scheme, `www.` or
 * `mailto:`). Checked on the raw text, so `<`, `>` and backticks end a URL.
 */
const pieces = codeAndUrlSplitter(/(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)[^\s`<>|]+/);
/** Looks like a backtick but opens no code span: stands in for the user's unpaired ones. */
const LONE_BACKTICK = '\u02cb';

/**
 * The one way text a person typed (titles, descriptions, relayed messages,
 * resolution notes, names, and what triage derived from them) becomes
 * mrkdwn: `&`, `<`, `>` escaped, so `<https://x|click>`, `<!channel>` and
 * `<@U123>` show as typed and never link or ping; every URL inside inline
 * code, so it shows in full and is not clickable; unpaired backticks
 * replaced by a look-alike, so no code span can swallow that protection.
 * Formatting such as `*bold*` and the person's own code spans are kept.
 * Text objects are also sent with `verbatim: true` (see `mrkdwn`), so Slack
 * does not link-ify anything itself.
 */
export function userText(text: string): string {
  let out = '';
  for (const p of pieces(text)) {
    if (p.kind === 'text') out += plainPart(p.text);
    else if (p.kind === 'code') out += escapeMrkdwn(p.text);
    // Right after a code span, a second backtick would read as "``": keep them apart.
    else out += `${out.endsWith('`') ? ' ' : ''}\`${escapeMrkdwn(p.text)}\``;
  }
  return out;
}

/** Text shown whole as inline code (a person's own search filter): escaped, with no backtick that could close the span. */
export function inlineCode(text: string): string {
  return `\`${plainPart(text)}\``;
}

function plainPart(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, LONE_BACKTICK);
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair or an `&amp;`-style entity. */
function cut(text: string, max: number): string {
  let end = Math.max(0, max);
  if (end > 0 && end < text.length) {
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    const amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - 6 && !text.slice(amp, end).includes(';')) end = amp;
  }
  return text.slice(0, end);
}

/** Plain text clipped to `max` with a visible ellipsis. */
export function clipPlain(text: string, max: number): string {
  return text.length <= max ? text : `${cut(text, max - MORE.length)}${MORE}`;
}

/**
 * Already-escaped mrkdwn clipped to `max` with a visible "(truncated)"
 * marker. A cut inside a code span drops that span's start, so a URL shown
 * as code never loses its backticks.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = cut(text, max - MRKDWN_MORE.length);
  if ((kept.match(/`/g)?.length ?? 0) % 2 === 1) kept = kept.slice(0, kept.lastIndexOf('`'));
  return `${kept}${MRKDWN_MORE}`;
}

export function plain(text: string, max: number = LIMITS.sectionText): types.PlainTextElement {
  return { type: 'plain_text', text: clipPlain(text, max) || ' ', emoji: true };
}

/**
 * A mrkdwn text object. `verbatim: true`: Slack then links only what the
 * builders wrote as links (`<url|label>`, `<@U…>`, dates), never a URL,
 * channel name or `@here` inside the text a person typed.
 */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipMrkdwn(text, max) || ' ', verbatim: true };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export function section(text: string, blockId?: string): types.SectionBlock {
  return blockId ? { type: 'section', block_id: blockId, text: mrkdwn(text) } : { type: 'section', text: mrkdwn(text) };
}

export function fields(items: readonly string[]): types.SectionBlock {
  return { type: 'section', fields: items.slice(0, LIMITS.sectionFields).map((f) => mrkdwn(f, LIMITS.sectionField)) };
}

export function context(items: readonly string[]): types.ContextBlock {
  return { type: 'context', elements: items.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)) };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  const b: types.Button = { type: 'button', text: plain(text, LIMITS.buttonText), action_id: actionId, value: value.slice(0, LIMITS.buttonValue) };
  if (style) b.style = style;
  return b;
}

/**
 * Caps a block list at `max`, replacing the overflow with a context line that
 * says how much was left out, so long lists degrade visibly.
 */
export function capBlocks(blocks: readonly KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  // Keep a trailing actions block: the buttons matter more than the last rows.
  const last = blocks[blocks.length - 1];
  const keepActions = last?.type === 'actions';
  const room = max - 1 - (keepActions ? 1 : 0);
  const omitted = blocks.length - room - (keepActions ? 1 : 0);
  const out: KnownBlock[] = [...blocks.slice(0, room), context([`_${omitted} more not shown._`])];
  if (keepActions && last) out.push(last);
  return out;
}

/** A message's top-level `text` (notifications, screen readers): made safe like user text, since Slack parses it as mrkdwn. */
export function fallback(text: string): string {
  return clipMrkdwn(userText(text), LIMITS.fallbackText);
}
