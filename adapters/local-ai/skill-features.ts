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
  for (const w of words) {
    features.add(`w:${w}`);
    if (COMPOUND.test(w.slice(1))) for (const part of w.split(PARTS)) if (part) features.add(`w:${part}`);
  }
  const content = words.filter((w) => !FEATURE_STOPWORDS.has(w));
  for (let i = 1; i < content.length; i++) features.add(`b:${content[i - 1]} ${content[i]}`);
  for (const w of content) {
    const marked = `<${w}>`;
    if (marked.length <= 3) continue;
    for (let i = 0; i + 3 <= marked.length; i++) features.add(`c:${marked.slice(i, i + 3)}`);
  }
  return [...features];
}
