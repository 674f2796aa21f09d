import type { SkillCatalog } from '../../core/index.js';

/**
 * Reads a helpdesk's skills from what a ticket says, in any of the
 * catalog's languages: the words and hints of every helpdesk skill (shipped
 * and taught by admins) are folded (lowercase, no accents) into exact,
 * prefix (`imprim*`), suffix (`*drucker`) and phrase tables; a ticket word
 * also matches an entry one edit away (symmetric deletes), and a plural
 * `s` is forgiven, so typos and word forms still land. Every lookup is a map
 * lookup; no pattern is built from text.
 */
export interface SkillScore {
  readonly skill: string;
  readonly score: number;
}

interface Entry {
  readonly skill: string;
  readonly weight: number;
}

/** A word naming a skill counts 1; a hint a third; the title counts half again. */
const WORD_WEIGHT = 1;
const HINT_WEIGHT = 0.35;
const OWN_FACTOR = 1.25;
/** A word matched by its start or end only counts this much of an exact one. */
const AFFIX_FACTOR = 0.85;
const TITLE_FACTOR = 1.5;
/** A ticket word one edit away from a word (not a hint) counts this much of it. */
const TYPO_FACTOR = 0.7;
const MIN_TYPO_LENGTH = 6;
const MIN_AFFIX_LENGTH = 4;
const INFLECTED = ['ing', 'ed', 'ly'];
const MAX_PHRASE = 4;

const COMBINING = /[\u0300-\u036f]/g;
const SPLIT = /[^\p{L}\p{N}#+]+/u;

/** Lowercase words without accents: the matcher's view of any text. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(SPLIT)
    .filter((w) => w !== '' && w.length <= 40);
}

export class SkillMatcher {
  private readonly exact = new Map<string, Entry[]>();
  private readonly prefixes = new Map<string, Entry[]>();
  private readonly suffixes = new Map<string, Entry[]>();
  private readonly deletes = new Map<string, Entry[]>();
  private maxPhrase = 1;

  constructor(catalog: SkillCatalog) {
    for (const def of catalog.definitions()) {
      if (def.kind !== 'helpdesk') continue;
      // The helpdesk's own skills are more specific than the shipped ones they overlap.
      const own = def.group === 'custom' ? OWN_FACTOR : 1;
      for (const w of def.words ?? []) this.add(w, { skill: def.id, weight: WORD_WEIGHT * own });
      for (const w of def.hints ?? []) this.add(w, { skill: def.id, weight: HINT_WEIGHT });
    }
  }

  private add(raw: string, entry: Entry): void {
    const trimmed = raw.trim();
    const prefix = trimmed.endsWith('*');
    const suffix = trimmed.startsWith('*');
    const words = foldWords(trimmed);
    if (words.length === 0) return;
    const key = words.join(' ');
    if (prefix && words.length === 1 && key.length >= MIN_AFFIX_LENGTH) return push(this.prefixes, key, entry);
    if (suffix && words.length === 1 && key.length >= MIN_AFFIX_LENGTH) return push(this.suffixes, key, entry);
    push(this.exact, key, entry);
    this.maxPhrase = Math.min(MAX_PHRASE, Math.max(this.maxPhrase, words.length));
    if (words.length === 1 && key.length >= MIN_TYPO_LENGTH && entry.weight >= WORD_WEIGHT) for (const d of deletions(key)) push(this.deletes, d, entry);
  }

  /** Scores every skill the text names, best first. */
  score(title: string, description: string): SkillScore[] {
    const found = new Map<string, Map<string, number>>();
    const hit = (key: string, entries: readonly Entry[] | undefined, factor: number) => {
      if (!entries) return;
      for (const e of entries) {
        let keys = found.get(e.skill);
        if (!keys) found.set(e.skill, (keys = new Map()));
        keys.set(key, Math.max(keys.get(key) ?? 0, e.weight * factor));
      }
    };
    const read = (words: readonly string[], factor: number) => {
      for (let i = 0; i < words.length; i++) {
        const w = words[i] ?? '';
        this.word(w, factor, hit);
        let key = w;
        for (let n = 2; n <= this.maxPhrase && i + n <= words.length; n++) {
          key = `${key} ${words[i + n - 1] ?? ''}`;
          hit(key, this.exact.get(key), factor);
        }
      }
    };
    const t = foldWords(title);
    const d = foldWords(description);
    read(t, TITLE_FACTOR);
    if (d.join(' ') !== t.join(' ')) read(d, 1);
    const out: SkillScore[] = [];
    for (const [skill, keys] of found) {
      let score = 0;
      for (const v of keys.values()) score += v;
      out.push({ skill, score: Math.round(score * 1000) / 1000 });
    }
    return out.sort((a, b) => b.score - a.score || a.skill.localeCompare(b.skill));
  }

  private word(w: string, factor: number, hit: (key: string, entries: readonly Entry[] | undefined, factor: number) => void): void {
    const exact = this.exact.get(w) ?? (w.length > 3 && w.endsWith('s') ? this.exact.get(w.slice(0, -1)) : undefined);
    if (exact) hit(w, exact, factor);
    // A compound names what its last part names (a "Netzwerkdrucker" is a printer): a suffix hit wins over prefix hits.
    let suffixHit = false;
    for (let n = MIN_AFFIX_LENGTH; n <= w.length; n++) {
      const entries = this.suffixes.get(w.slice(w.length - n));
      if (entries) {
        hit(`*${w.slice(w.length - n)}`, entries, factor * AFFIX_FACTOR);
        suffixHit = true;
      }
    }
    if (!suffixHit) for (let n = MIN_AFFIX_LENGTH; n <= w.length; n++) hit(`${w.slice(0, n)}*`, this.prefixes.get(w.slice(0, n)), factor * AFFIX_FACTOR);
    // Inflected words ("dropping", "started") are real words, not typos of an entry ("dripping").
    if (exact || w.length < MIN_TYPO_LENGTH || INFLECTED.some((e) => w.endsWith(e))) return;
    // One edit away: the word itself or one of its deletions equals an entry's deletion.
    const seen = new Set<Entry>();
    for (const v of [w, ...deletions(w)]) {
      for (const e of this.deletes.get(v) ?? []) seen.add(e);
      for (const e of this.exact.get(v) ?? []) seen.add(e);
    }
    if (seen.size) hit(`~${w}`, [...seen], factor * TYPO_FACTOR);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
