/** Where console text goes; the surface and the channel share one so lines never interleave mid-message. */
export interface ConsoleOutput {
  write(line: string): void;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
const C0_OR_DEL = /[\x00-\x09\x0b-\x1f\x7f]/g;
/** C1 controls, bidi embeddings, overrides and isolates, and the Unicode line and paragraph separators. */
const INVISIBLE = /[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The console's one sanitizer: every piece of text it prints passes here.
 * Nothing in a title or message may drive the operator's terminal: C0
 * controls and DEL are shown as their Unicode control pictures (`ESC` as
 * `␛`, so `ESC[2J` prints as `␛[2J` and clears nothing), C1 controls, bidi
 * controls and line separators as `<U+202E>`. Only `\n` is kept (a `\r\n`
 * or lone `\r` becomes one), and callers indent what follows it; a tab
 * becomes a space.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(C0_OR_DEL, (c) => (c === '\x7f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Safe text under a first-line prefix: every further line is indented, so content never starts a line of its own. */
function prefixed(prefix: string, text: string): string {
  const [first = '', ...rest] = terminalSafe(text).split('\n');
  return [`${prefix} ${first}`, ...rest.map((l) => `  ${l}`)].join('\n');
}

/** Formats a message to a person: `[to @alice] first line`, continuation lines indented. */
export function formatMessage(handle: string, text: string): string {
  return prefixed(`[to @${terminalSafe(handle).replace(/\s/g, '')}]`, text);
}

/** Formats a line from the console itself (not addressed to anyone): `[console] …`, continuation lines indented. */
export function formatNotice(text: string): string {
  return prefixed('[console]', text);
}

/** The console handle of a person, from their `console:<handle>` identity. */
export function handleOf(identities: readonly string[]): string | null {
  const id = identities.find((i) => i.startsWith('console:'));
  return id ? id.slice('console:'.length) : null;
}

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;
