/**
 * Features of a ticket title for the skill classifier, shared by training
 * (train/train-skills.ts) and prediction so both see exactly the same
 * thing. Tokens keep the punctuation that names technologies (`c#`, `c++`,
 * `.net`, `node.js`, `python-3.x`); compound tokens add their parts; word
 * bigrams and character trigrams catch phrasing and word forms the
 * training titles did not contain (`uitableviewcell` shares trigrams with
 * `uitableview`). All patterns are fixed literals.
 */

/** Words too common in titles to say anything about a technology. */
const FEATURE_STOPWORDS: ReadonlySet<string> = new Set(
  'a an the to in of for and or is are be with on from by how do i can what why when does my not it this that using use get into as at way'.split(' '),
);

const SPLIT = /[\s,;:!?()[\]{}"'`<>=|/\\*&^%$@~]+/;
const LEADING = /^[^a-z0-9.#+]+/;
const TRAILING = /[^a-z0-9#+]+$/;
const LEADING_DOTS = /^\.+/;
const DOT_WORD = /^\.[a-z]/;
const COMPOUND = /[.\-_]/;
const PARTS = /[.\-_]+/;
/** Longer tokens are identifiers, paths or hashes. */
const MAX_WORD = 40;

/** Lowercase words of a title, keeping `#`, `+` and inner `.`/`-` (`c#`, `c++`, `.net`, `node.js`). */
export function skillWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SPLIT)) {
    let w = raw.replace(LEADING, '').replace(TRAILING, '');
    if (w.startsWith('.') && !DOT_WORD.test(w)) w = w.replace(LEADING_DOTS, '');
    if (w !== '' && w.length <= MAX_WORD) out.push(w);
  }
  return out;
}

/**
 * The feature strings of a text: `w:` words and word parts, `b:` bigrams of
 * content words, `c:` character trigrams of content words with `<`/`>`
 * boundary marks.
 */
export function skillFeatures(text: string): string[] {
  const words = skillWords(text);
  const features = new Set<string>();
  for (const w of words) for (const f of featuresOf(w).words) features.add(f);
  const content = words.filter((w) => !FEATURE_STOPWORDS.has(w));
  for (let i = 1; i < content.length; i++) features.add(`b:${content[i - 1]} ${content[i]}`);
  for (const w of content) for (const f of featuresOf(w).trigrams) features.add(f);
  return [...features];
}

interface WordFeatures {
  readonly words: readonly string[];
  readonly trigrams: readonly string[];
}

/**
 * A word's own features, kept for the words seen before (bounded): the same
 * ordinary words come back in every ticket, and a kept string is already
 * hashed for the sets and the model's lookups.
 */
const seen = new Map<string, WordFeatures>();
const SEEN_MAX = 20_000;

function featuresOf(w: string): WordFeatures {
  let f = seen.get(w);
  if (f) return f;
  const words = [`w:${w}`];
  if (COMPOUND.test(w.slice(1))) for (const part of w.split(PARTS)) if (part) words.push(`w:${part}`);
  const trigrams: string[] = [];
  const marked = `<${w}>`;
  if (marked.length > 3) for (let i = 0; i + 3 <= marked.length; i++) trigrams.push(`c:${marked.slice(i, i + 3)}`);
  f = { words, trigrams };
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(w, f);
  return f;
}
