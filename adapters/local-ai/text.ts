/**
 * Text normalization for ranked retrieval: entity decoding, lowercase word
 * tokens, stopword removal and a light English stemmer. Every pattern here
 * is a fixed literal; no pattern is ever built from ticket text.
 */

/** Function words and chat filler that carry no topic. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves hi hello hey thanks thank regards please pls plz anyone anybody someone ' +
    'somebody guys dear u ur im ive dont cant wont thx also one'
  ).split(' '),
);

const ENTITIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/&#0*39;|&#x0*27;|&apos;/gi, "'"],
  [/&quot;/gi, '"'],
  [/&lt;/gi, '<'],
  [/&gt;/gi, '>'],
  [/&nbsp;/gi, ' '],
  [/&amp;/gi, '&'],
];

/** Decodes the HTML entities chat platforms and forums leave in text. */
export function decodeEntities(text: string): string {
  let out = text;
  for (const [re, rep] of ENTITIES) out = out.replace(re, rep);
  return out;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const ASCII_WORD = /^[a-z]+$/;
/** Longer tokens are hashes, base64 or pasted logs: noise for ranking. */
const MAX_TOKEN = 40;

/**
 * Light English stemmer: folds plurals and the commonest verb endings
 * (`printers` → `printer`, `crashing` → `crash`, `policies` → `policy`) so a
 * question and its answer meet, without the over-stemming of a full Porter
 * stemmer (`university`/`universe`). Non-ASCII words are left unchanged.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (/(ch|sh|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** `stopped` → `stopp` → `stop`, but `install` and `access` keep their double letter. */
function undouble(word: string): string {
  const n = word.length;
  if (n >= 2 && word[n - 1] === word[n - 2] && !/[lsz]$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lowercase, entity-decoded, stopword-free, stemmed tokens of a text, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of decodeEntities(text).toLowerCase().split(WORD_SPLIT)) {
    if (raw === '' || raw.length > MAX_TOKEN || STOPWORDS.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

const EDIT_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every ASCII word one edit away (delete, transpose, replace, insert), used
 * to look a misspelt query word up in the index's own vocabulary (a map
 * lookup per variant; nothing is matched by pattern).
 */
export function editsOne(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const ch of EDIT_ALPHABET) {
      if (tail && ch !== tail[0]) out.push(head + ch + tail.slice(1));
      out.push(head + ch + tail);
    }
  }
  return out;
}
