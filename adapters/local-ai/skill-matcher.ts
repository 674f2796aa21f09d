import type { SkillCatalog } from '../../core/index.js';

/**
 * Reads a helpdesk's skills from what a ticket says, in any of the
 * catalog's languages: the words and hints of every helpdesk skill (shipped
 * and taught by admins) are folded (lowercase, no accents) into exact,
 * prefix (`imprim*`), suffix (`*drucker`) and phrase tables; a ticket word
 * also matches an entry one edit away (symmetric deletes), a word form
 * (`bounced`, `impresoras`) its entry's stem, and a compound (`Gehaltsabrechnung`,
 * `Druckerpatrone`) the entry it ends or starts with, so typos and word forms
 * still land. A phrase speaks for its own words (a "print shop" is not a
 * printer), and what the ticket says it is not ("it's not the network", "nothing
 * to do with the VPN") does not count. Every lookup is a map lookup; no pattern
 * is built from text.
 */
export interface SkillScore {
  readonly skill: string;
  readonly score: number;
  /** Where the ticket first names the skill (title words first): the earlier, the more it is the topic. */
  readonly first: number;
}

interface Entry {
  readonly skill: string;
  readonly weight: number;
  /** A word for where the problem shows (a laptop, a hot desk), see `SkillDefinition.carriers`. */
  readonly carrier?: true;
}

/** A word naming a skill counts 1; a hint a third; the title counts half again. */
const WORD_WEIGHT = 1;
const HINT_WEIGHT = 0.35;
const OWN_FACTOR = 1.25;
/** An error text that names a skill's fault outright (`ORA-12541`, "transaction log full"), marked `!`, counts this much of a word. */
const STRONG_FACTOR = 2;
/** A word matched by its start or end only counts this much of an exact one. */
const AFFIX_FACTOR = 0.85;
const TITLE_FACTOR = 1.5;
/** A ticket word one edit away from a word (not a hint) counts this much of it. */
const TYPO_FACTOR = 0.7;
const MIN_TYPO_LENGTH = 6;
const MAX_TYPO_MEMO = 20_000;
const MIN_AFFIX_LENGTH = 4;
const INFLECTED = ['ing', 'ed', 'ly'];
/** Ordinary words of the catalog's languages that sit one edit from an entry: never read as its typo. */
const REAL_WORDS: ReadonlySet<string> = new Set([
  'rights', 'nights', 'fights', 'system', 'systems', 'across', 'random', 'branch', 'passport', 'garbage', 'changer', 'chaque', 'achats', 'findet', 'konnen', 'konnte', 'konnten',
  'sollen', 'recibi', 'contra', 'easier', 'feature', 'features', 'changes', 'bridge', 'parece', 'centro', 'acentos', 'football', 'talent', 'cellar', 'morale', 'drafts',
  'pareil', 'pareille', 'pareils', 'pareilles', 'fechar', 'estava', 'estaba', 'blatter', 'altura', 'lindas', 'finden', 'depose', 'touche', 'apagan', 'cortado', 'cartes', 'formular', 'drives', 'recebo', 'reclamo', 'pointer', 'blinks',
]);
const MAX_PHRASE = 6;
/** A word form matched through its stem counts this much of the entry. */
const STEM_FACTOR = 0.9;
const MIN_STEM = 4;
/** Endings folded before a stem lookup: English, and the plural and gender endings of the Romance languages. */
const ENDINGS = ['ing', 'ies', 'ed', 'es', 'os', 'as', 's', 'e', 'a', 'o'];
/** Compounds: a word this long may be two entries written together; each part at least this long. */
const MIN_COMPOUND = 9;
const MIN_PART = 5;
/** Words skipped between a negation and what it negates ("not a question of the network"). */
/**
 * "Outlook crashes on my laptop", "can't print from my Mac": a device or service named after "on" or
 * "from" is where the problem shows, not what it is about, and counts this much.
 */
const CONTEXT_FACTOR = 0.5;
const CONTEXT_CUES: ReadonlySet<string> = new Set(['on', 'from', 'via', 'using', 'auf', 'sur', 'depuis', 'desde', 'no', 'na', 'do', 'da']);
const CONTEXT_FILLER: ReadonlySet<string> = new Set(['my', 'the', 'our', 'a', 'new', 'work', 'company', 'own', 'his', 'her', 'their', 'meinem', 'meiner', 'dem', 'der', 'mon', 'ma', 'le', 'la', 'mi', 'el', 'meu', 'minha']);

/** "it's not phishing", "is not the VPN": a bare "not" negates a topic after these only ("does not print" is a symptom). */
const COPULAS: ReadonlySet<string> = new Set(['s', 'is', 'was', 'are', 'were', 'it', 'that', 'this']);
const NEGATION_FILLER: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'my', 'our', 'your', 'this', 'that', 'just', 'really', 'actually', 'question', 'of', 'about', 'problem', 'issue', 'related', 'to',
  'le', 'la', 'les', 'l', 'un', 'une', 'du', 'de', 'des', 'el', 'los', 'las', 'lo', 'o', 'os', 'as', 'um', 'uma', 'do', 'da', 'das', 'dos', 'der', 'die', 'den', 'dem', 'ein', 'eine', 'am', 'im',
  'probleme', 'problema', 'questao', 'cuestion',
]);

const COMBINING = /[\u0300-\u036f]/g;
const SPLIT = /[^\p{L}\p{N}#+]+/u;

/**
 * English negations typed without the apostrophe ("didnt", "cant"), as chat
 * messages are: read as the apostrophe form ("didn t"), so phrases and
 * negations match both.
 */
const CONTRACTIONS: ReadonlyMap<string, readonly [string, string]> = new Map(
  ['didnt', 'doesnt', 'cant', 'wont', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt', 'couldnt', 'shouldnt', 'wouldnt'].map((w) => [w, [w.slice(0, -1), 't'] as const]),
);

/** Lowercase words without accents: the matcher's view of any text. */
export function foldWords(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(SPLIT)
    .filter((w) => w !== '' && w.length <= 40);
  if (!words.some((w) => CONTRACTIONS.has(w))) return words;
  return words.flatMap((w) => CONTRACTIONS.get(w) ?? [w]);
}

export class SkillMatcher {
  private readonly exact = new Map<string, Entry[]>();
  private readonly prefixes = new Map<string, Entry[]>();
  private readonly suffixes = new Map<string, Entry[]>();
  private readonly deletes = new Map<string, Entry[]>();
  private readonly stems = new Map<string, Entry[]>();
  /** Word sequences that start a phrase: a phrase lookup stops as soon as none can follow. */
  private readonly starts = new Set<string>();
  /** The last and first four letters of the affix entries: most words skip the affix scans at once. */
  private readonly suffixEnds = new Set<string>();
  private readonly prefixStarts = new Set<string>();
  /** Typo lookups of words seen before (bounded): the same ordinary words come back in every ticket. */
  private readonly typos = new Map<string, readonly Entry[]>();
  private maxPhrase = 1;

  constructor(catalog: SkillCatalog) {
    for (const def of catalog.definitions()) {
      if (def.kind !== 'helpdesk') continue;
      // The helpdesk's own skills are more specific than the shipped ones they overlap.
      const own = def.group === 'custom' ? OWN_FACTOR : 1;
      for (const w of def.words ?? []) this.add(w, { skill: def.id, weight: WORD_WEIGHT * own });
      for (const w of def.hints ?? []) this.add(w, { skill: def.id, weight: HINT_WEIGHT });
      for (const w of def.carriers ?? []) this.add(w, { skill: def.id, weight: WORD_WEIGHT, carrier: true });
    }
  }

  private add(raw: string, given: Entry): void {
    let trimmed = raw.trim();
    // A trailing `!` marks what names the skill's fault outright (an error text): it counts double.
    const strong = trimmed.endsWith('!');
    if (strong) trimmed = trimmed.slice(0, -1);
    const entry = strong ? { ...given, weight: given.weight * STRONG_FACTOR } : given;
    const prefix = trimmed.endsWith('*');
    const suffix = trimmed.startsWith('*');
    // A longer phrase (an admin may teach one) is matched by its first words.
    const words = foldWords(trimmed).slice(0, MAX_PHRASE);
    if (words.length === 0) return;
    const key = words.join(' ');
    if (prefix && words.length === 1 && key.length >= MIN_AFFIX_LENGTH) {
      this.prefixStarts.add(key.slice(0, MIN_AFFIX_LENGTH));
      return push(this.prefixes, key, entry);
    }
    if (suffix && words.length === 1 && key.length >= MIN_AFFIX_LENGTH) {
      this.suffixEnds.add(key.slice(-MIN_AFFIX_LENGTH));
      return push(this.suffixes, key, entry);
    }
    push(this.exact, key, entry);
    for (let n = 1; n < words.length; n++) this.starts.add(words.slice(0, n).join(' '));
    if (words.length === 1 && key.length > MIN_STEM) push(this.stems, stemOf(key), entry);
    this.maxPhrase = Math.min(MAX_PHRASE, Math.max(this.maxPhrase, words.length));
    if (words.length === 1 && key.length >= MIN_TYPO_LENGTH && entry.weight >= WORD_WEIGHT) for (const d of deletions(key)) push(this.deletes, d, entry);
  }

  /** Scores every skill the text names, best first. */
  score(title: string, description: string): SkillScore[] {
    const found = new Map<string, Map<string, number>>();
    const firsts = new Map<string, number>();
    /** Skills named by one of their own words (not only by hints or carriers), anywhere and in the title. */
    const named = new Set<string>();
    /** The word being read is a device said to be slow or asked for ("my laptop is so slow", "set up her account and laptop"): the device is the topic. */
    let topicDevice = false;
    let updated = false;
    let at = 0;
    const hit = (key: string, entries: readonly Entry[] | undefined, factor: number) => {
      if (!entries) return;
      for (const e of entries) {
        if (!firsts.has(e.skill)) firsts.set(e.skill, at);
        let keys = found.get(e.skill);
        if (!keys) found.set(e.skill, (keys = new Map()));
        const carrier = e.carrier && !topicDevice;
        const k = carrier ? `^${key}` : key;
        keys.set(k, Math.max(keys.get(k) ?? 0, e.weight * factor));
        if (!carrier && e.weight >= WORD_WEIGHT) named.add(e.skill);
      }
    };
    let offset = 0;
    const read = (words: readonly string[], factor: number) => {
      // What the requester already tried ("restarted the router, ran a virus scan") is not what is wrong.
      const tried = triedSpans(words);
      // Phrases first: the words of a matched phrase are read as the phrase only.
      const inPhrase = new Uint8Array(words.length);
      for (let i = 0; i < words.length; i++) {
        let key = words[i] ?? '';
        for (let n = 2; n <= this.maxPhrase && i + n <= words.length && this.starts.has(key); n++) {
          key = `${key} ${words[i + n - 1] ?? ''}`;
          const entries = this.exact.get(key);
          if (!entries) continue;
          at = offset + i;
          // A hint phrase ("slow connection") adds context; only a phrase that names a skill speaks for its words.
          if (entries.some((e) => e.weight >= WORD_WEIGHT)) inPhrase.fill(1, i, i + n);
          if (!negated(words, i)) hit(key, entries, tried[i] ? factor * CONTEXT_FACTOR : factor);
        }
      }
      for (let i = 0; i < words.length; i++) {
        at = offset + i;
        topicDevice = (slowAfter(words, i) && !updated) || askedFor(words, i);
        if (!inPhrase[i] && !negated(words, i)) this.word(words[i] ?? '', tried[i] || context(words, i) || thirdParty(words, i) ? factor * CONTEXT_FACTOR : factor, hit);
        topicDevice = false;
      }
      offset += words.length;
    };
    const t = foldWords(title);
    const d = foldWords(description);
    // "PC very slow since the Windows update": slow because of what was updated, not the device.
    updated = t.some((w) => UPDATES.has(w)) || d.some((w) => UPDATES.has(w));
    read(t, TITLE_FACTOR);
    if (d.join(' ') !== t.join(' ')) read(d, 1);
    const out: SkillScore[] = [];
    for (const [skill, keys] of found) {
      // What the problem shows on counts half once another skill names what it is.
      const carried = named.size > (named.has(skill) ? 1 : 0) ? CONTEXT_FACTOR : 1;
      let score = 0;
      for (const [k, v] of keys) score += k.startsWith('^') ? v * carried : v;
      out.push({ skill, score: Math.round(score * 1000) / 1000, first: firsts.get(skill) ?? 0 });
    }
    return out.sort((a, b) => b.score - a.score || a.first - b.first || a.skill.localeCompare(b.skill));
  }

  /** A compound of entries written as one word: its last part names it, else its first. */
  private compound(w: string, factor: number, hit: (key: string, entries: readonly Entry[] | undefined, factor: number) => void): boolean {
    if (w.length < MIN_COMPOUND) return false;
    let tailHit = false;
    for (let n = w.length - MIN_PART + 1; n >= MIN_PART; n--) {
      const tail = w.slice(w.length - n);
      // German joins with an `s` ("Gehalts|abrechnung"); a prefix entry matches as a whole part too.
      const part = tail.startsWith('s') && !this.exact.has(tail) && !this.prefixes.has(tail) ? tail.slice(1) : tail;
      const entries = this.exact.get(part) ?? this.prefixes.get(part);
      if (entries && w.length - n >= MIN_PART - 1) {
        hit(`*${tail}`, entries, factor * AFFIX_FACTOR);
        // A tail that is only context ("-system", "-programm") leaves the naming to the head ("Zeiterfassungs|system").
        if (entries.some((e) => e.weight >= WORD_WEIGHT)) return true;
        tailHit = true;
        break;
      }
    }
    for (let n = w.length - MIN_PART + 1; n >= MIN_PART; n--) {
      const entries = this.exact.get(w.slice(0, n));
      if (entries) {
        hit(`${w.slice(0, n)}*`, entries, factor * AFFIX_FACTOR);
        return true;
      }
    }
    return tailHit;
  }

  private word(w: string, factor: number, hit: (key: string, entries: readonly Entry[] | undefined, factor: number) => void): void {
    const exact = this.exact.get(w) ?? (w.length > 3 && w.endsWith('s') ? this.exact.get(w.slice(0, -1)) : undefined);
    if (exact) hit(w, exact, factor);
    // A compound names what its last part names (a "Netzwerkdrucker" is a printer): a suffix hit wins over prefix hits.
    let suffixHit = false;
    const suffixable = w.length >= MIN_AFFIX_LENGTH && this.suffixEnds.has(w.slice(-MIN_AFFIX_LENGTH));
    for (let n = MIN_AFFIX_LENGTH; suffixable && n <= w.length; n++) {
      const entries = this.suffixes.get(w.slice(w.length - n));
      if (entries) {
        hit(`*${w.slice(w.length - n)}`, entries, factor * AFFIX_FACTOR);
        suffixHit = true;
      }
    }
    let prefixHit = false;
    if (!suffixHit && this.prefixStarts.has(w.slice(0, MIN_AFFIX_LENGTH))) {
      for (let n = MIN_AFFIX_LENGTH; n <= w.length; n++) {
        const entries = this.prefixes.get(w.slice(0, n));
        if (entries) {
          hit(`${w.slice(0, n)}*`, entries, factor * AFFIX_FACTOR);
          prefixHit = true;
        }
      }
    }
    if (!exact && !suffixHit && !prefixHit) {
      const stem = this.stems.get(stemOf(w));
      if (stem) return hit(`=${stemOf(w)}`, stem, factor * STEM_FACTOR);
      if (this.compound(w, factor, hit)) return;
    }
    // Inflected words ("dropping", "started") are real words, not typos of an entry ("dripping"), and so are
    // the ordinary words one edit from an entry ("changer" is no "charger", "konnte" no "konto").
    // A word already read by its start or end is not read again as a typo of the same entry.
    if (exact || suffixHit || prefixHit || w.length < MIN_TYPO_LENGTH || INFLECTED.some((e) => w.endsWith(e)) || REAL_WORDS.has(w)) return;
    // One edit away: the word itself or one of its deletions equals an entry's deletion.
    const known = this.typos.get(w);
    if (known) {
      if (known.length) hit(`~${w}`, known, factor * TYPO_FACTOR);
      return;
    }
    const seen = new Set<Entry>();
    for (const v of [w, ...deletions(w)]) {
      for (const e of this.deletes.get(v) ?? []) seen.add(e);
      // An entry shorter than a typo-length word is not reached by adding a letter to it ("porta" is no "portal").
      if (v.length >= MIN_TYPO_LENGTH) for (const e of this.exact.get(v) ?? []) if (e.weight >= WORD_WEIGHT) seen.add(e);
    }
    if (this.typos.size >= MAX_TYPO_MEMO) this.typos.clear();
    this.typos.set(w, [...seen]);
    if (seen.size) hit(`~${w}`, [...seen], factor * TYPO_FACTOR);
  }
}

/** The stem a word form and its entry share: `bounced`/`bounce` → `bounc`, `impresoras`/`impresora` → `impresor`. */
function stemOf(word: string): string {
  let w = word;
  for (const e of ENDINGS) {
    if (w.endsWith(e) && w.length - e.length >= MIN_STEM) {
      w = w.slice(0, -e.length);
      break;
    }
  }
  const n = w.length;
  // `jammed` → `jamm` → `jam`; `install` keeps its double letter.
  if (n > MIN_STEM && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1] ?? '')) w = w.slice(0, -1);
  return w;
}

/** Steps already taken: "I have restarted the router", "j'ai vérifié", "he reiniciado", "já tentei". */
const TRIED: ReadonlySet<string> = new Set([
  'tried', 'checked', 'reseated', 'replaced', 'restarted', 'rebooted', 'ran', 'cleared', 'reinstalled', 'verified', 'swapped', 'tested', 'cycled',
  'versucht', 'gepruft', 'uberpruft', 'getestet', 'ausgetauscht', 'neugestartet', 'essaye', 'verifie', 'redemarre', 'reinstalle', 'teste', 'remplace', 'vide', 'probado', 'comprobado',
  'reiniciado', 'verificado', 'reinstalado', 'cambiado', 'tentei', 'verifiquei', 'reiniciei', 'testei', 'troquei', 'reinstalei', 'limpei', 'reiniciamos', 'verificamos', 'testamos',
  'tentamos', 'probamos', 'comprobamos', 'reinstalamos',
]);
/** Where the list of steps ends and the problem resumes: "…, but the printer still jams". */
const TRIED_STOP: ReadonlySet<string> = new Set(['but', 'still', 'however', 'yet', 'aber', 'trotzdem', 'immer', 'mais', 'toujours', 'pero', 'sigue', 'todavia', 'mas', 'continua', 'ainda']);
const TRIED_WINDOW = 10;

function triedSpans(words: readonly string[]): Uint8Array {
  const out = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    if (!TRIED.has(words[i] ?? '')) continue;
    for (let j = i + 1; j <= i + TRIED_WINDOW && j < words.length && !TRIED_STOP.has(words[j] ?? ''); j++) out[j] = 1;
  }
  return out;
}

/** A desk named as someone who said or did something ("HR is aware", "finance already approved it") is no desk asked. */
const DESKS: ReadonlySet<string> = new Set(['security', 'hr', 'finance', 'facilities', 'payroll', 'legal', 'procurement', 'accounting', 'rh', 'rrhh', 'personalabteilung', 'buchhaltung', 'compta']);
const REPORTED: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'reckon', 'reckons', 'think', 'thinks', 'is', 'are', 'has', 'have', 'already', 'approved', 'confirmed', 'sent', 'knows', 'processed', 'updated', 'aware', 'signed', 'agreed', 'asked', 'informed',
  'hat', 'ist', 'sagt', 'weiss', 'a', 'est', 'dit', 'sait', 'ha', 'dice', 'sabe', 'disse', 'ja', 'esta',
]);

function thirdParty(words: readonly string[], at: number): boolean {
  return DESKS.has(words[at] ?? '') && REPORTED.has(words[at + 1] ?? '');
}

/** Slowness said of what comes before it: "laptop unbearably slow", "mein Rechner ist so langsam". */
const SLOW: ReadonlySet<string> = new Set(['slow', 'sluggish', 'crawling', 'laggy', 'langsam', 'lent', 'lente', 'lento', 'lenta', 'lentissimo', 'lentisimo']);
const SLOW_WINDOW = 4;
const UPDATES: ReadonlySet<string> = new Set(['update', 'updates', 'updated', 'upgrade', 'upgraded', 'patch', 'aktualisierung', 'atualizacao', 'actualizacion', 'jour']);

function slowAfter(words: readonly string[], at: number): boolean {
  for (let j = at + 1; j <= at + SLOW_WINDOW && j < words.length; j++) if (SLOW.has(words[j] ?? '')) return true;
  return false;
}

/** Asked for, a few words before: "need a new laptop", "set up her account and laptop", "ordered a PC". */
const ASKS: ReadonlySet<string> = new Set([
  'need', 'needs', 'needed', 'order', 'ordered', 'request', 'requesting', 'provide', 'prepare', 'replace', 'replacement', 'spare', 'loan', 'borrow', 'setup', 'set',
  'brauche', 'braucht', 'bestellen', 'besoin', 'commander', 'necesito', 'necesita', 'pedir', 'preciso', 'precisa', 'pedido',
]);
const ASK_WINDOW = 5;

function askedFor(words: readonly string[], at: number): boolean {
  for (let j = Math.max(0, at - ASK_WINDOW); j < at; j++) if (ASKS.has(words[j] ?? '')) return true;
  return false;
}

/** True when the word is named as the place a problem shows ("on my laptop"), after a preposition and at most two fillers. */
function context(words: readonly string[], at: number): boolean {
  let j = at - 1;
  for (let skipped = 0; j >= 0 && skipped < 2 && CONTEXT_FILLER.has(words[j] ?? ''); skipped++) j--;
  return j >= 0 && j < at - 1 && CONTEXT_CUES.has(words[j] ?? '');
}

/**
 * True when the ticket says the word is not what it is about: "it's not phishing", "isn't the VPN",
 * "not a question of the network", "nothing to do with", "ce n'est pas", "no es", "não é",
 * "ist nicht", "liegt nicht am". A plain "no wifi" or "can not connect" is a symptom, not this.
 */
function negated(words: readonly string[], at: number): boolean {
  let j = at - 1;
  while (j >= 0 && NEGATION_FILLER.has(words[j] ?? '')) j--;
  if (j < 0) return false;
  const w = words[j];
  const before = words[j - 1] ?? '';
  if (w === 'not') return j + 1 < at || COPULAS.has(before);
  if (w === 't') return before === 'isn' || before === 'wasn' || before === 'aren';
  if (w === 'with') return before === 'do' && words[j - 2] === 'to' && words[j - 3] === 'nothing';
  if (w === 'pas') return before === 'est';
  if (w === 'es') return before === 'no';
  if (w === 'e') return before === 'nao';
  if (w === 'nicht' || w === 'kein') return before === 'ist' || before === 'liegt' || before === 'es';
  return false;
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
