/**
 * Cleaning of text people type before it is stored. Terminal escape
 * sequences, control characters and bidi overrides have no place in a
 * ticket: shown on a terminal or in a chat client they can clear a screen,
 * forge lines or reorder what a moderator reads.
 */

/**
 * Escape sequences, whole: CSI (`ESC [` … final byte, or 8-bit `0x9B`), the
 * string commands OSC/DCS/SOS/PM/APC up to their terminator (BEL or ST, or the
 * end of the text when unterminated), and the short two- or three-byte ones
 * such as `ESC c` or `ESC ( B`.
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\x1b\\[|\\x9b)[0-?]*[ -/]*[@-~]?',
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '\\x1b[ -/]*[0-~]?',
  ].join('|'),
  'g',
);

/** C0 controls (newline and tab listed separately), DEL, C1 controls and the bidi embedding, override and isolate controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A one-line text such as a ticket title: escape sequences and control
 * characters are removed, line breaks and tabs become spaces, runs of
 * whitespace collapse to one and the ends are trimmed.
 */
export function cleanTitle(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * A multi-line text such as a description or a note: line breaks are kept
 * (`\r\n` and a lone `\r` become `\n`), so are tabs; escape sequences and
 * other control characters are removed; the ends are trimmed.
 */
export function cleanMultilineText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').trim();
}
