/**
 * Where the code and the links are in text a person typed, for the chat
 * surfaces that show it: each escapes plain text its own way, keeps the
 * person's code as typed and shows a URL as code, so it is seen in full and
 * is not clickable. Which URLs a client would link differs per platform, so
 * each surface passes its own pattern.
 */

/** Plain text, the person's own code block or inline span (backticks included), or a URL without the punctuation that ends the sentence. */
export interface TextPiece {
  readonly kind: 'text' | 'code' | 'url';
  readonly text: string;
}

/** A code block or an inline code span. */
const CODE = /```[\s\S]*?```|`[^`\n]+`/;
/** Punctuation that ends a sentence rather than the URL before it. */
const URL_TAIL = /[.,;:!?'"*_~]+$/;

/**
 * A splitter for one platform's idea of a URL (a case-insensitive pattern
 * matched on the raw text). The text pieces are the stretches around each
 * code span or URL (possibly empty); a URL's trimmed tail starts the next
 * one.
 */
export function codeAndUrlSplitter(url: RegExp): (text: string) => TextPiece[] {
  const pattern = new RegExp(`${CODE.source}|${url.source}`, 'gi');
  return (text) => {
    const pieces: TextPiece[] = [];
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      pieces.push({ kind: 'text', text: text.slice(last, m.index) });
      last = m.index + m[0].length;
      if (m[0].startsWith('`')) {
        pieces.push({ kind: 'code', text: m[0] });
        continue;
      }
      const found = trimUrl(m[0]);
      pieces.push({ kind: 'url', text: found });
      last -= m[0].length - found.length;
    }
    pieces.push({ kind: 'text', text: text.slice(last) });
    return pieces;
  };
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
