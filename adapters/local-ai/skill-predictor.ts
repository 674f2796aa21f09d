import { SkillCatalog } from '../../core/index.js';
import { skillWords } from './skill-features.js';
import { AMBIGUOUS_MENTIONS, HELPDESK_LEXICON, LEXICON_MAX_WORDS } from './skill-lexicon.js';
import { shippedSkillModel, type SkillModel } from './skill-model.js';

/** Where a predicted skill came from, for explanations and tests. */
export type SkillSource = 'mention' | 'model' | 'lexicon';

export interface SkillPrediction {
  readonly skill: string;
  readonly source: SkillSource;
  /** 0..1 */
  readonly confidence: number;
}

export interface SkillPredictorOptions {
  /** Defaults to the shipped model, loaded on first use. */
  readonly model?: SkillModel;
  readonly catalog?: SkillCatalog;
  /** Model thresholds are multiplied by this for skills some moderator holds, so coverable skills surface first. */
  readonly staffThresholdScale?: number;
  /**
   * At or above this model probability a ticket reads as a programming
   * question and weak IT-support words are ignored; below it, on a ticket
   * that reads as IT support, the classifier's guesses are dropped.
   */
  readonly programmingGate?: number;
  readonly maxSkills?: number;
}

/** Words of a description the model reads beyond the title: its opening, where the problem is usually named. */
const DESCRIPTION_WORDS = 60;
/** Longest catalog id or alias, in words (`ruby on rails`). */
const MENTION_MAX_WORDS = 3;
const MENTION_CONFIDENCE = 0.9;
/** A skill named in the text needs only this fraction of the classifier's usual threshold. */
const MENTION_THRESHOLD_SCALE = 0.5;
const STRONG_LEXICON_CONFIDENCE = 0.8;
const WEAK_LEXICON_CONFIDENCE = 0.6;

/**
 * Predicts a ticket's skills (canonical catalog ids) from three sources:
 * explicit mentions of a catalog id or alias (`k8s`, `js`, `react`), the
 * trained classifier, and the IT-support lexicon. Every lookup is an exact
 * map lookup of a normalized word sequence; no pattern is built from text.
 */
export class SkillPredictor {
  private readonly catalog: SkillCatalog;
  private modelRef: SkillModel | undefined;
  private readonly staffScale: number;
  private readonly gate: number;
  private readonly maxSkills: number;

  constructor(options: SkillPredictorOptions = {}) {
    this.catalog = options.catalog ?? new SkillCatalog();
    this.modelRef = options.model;
    this.staffScale = options.staffThresholdScale ?? 0.8;
    this.gate = options.programmingGate ?? 0.5;
    this.maxSkills = options.maxSkills ?? 5;
  }

  private get model(): SkillModel {
    this.modelRef ??= shippedSkillModel();
    return this.modelRef;
  }

  predict(ticket: { readonly title: string; readonly description: string }, staffSkills: Iterable<string> = []): SkillPrediction[] {
    const staff = new Set(this.catalog.normalizeAll(staffSkills));
    const words = skillWords(`${ticket.title}\n${ticket.description}`);
    const found = new Map<string, SkillPrediction>();
    const offer = (p: SkillPrediction) => {
      const had = found.get(p.skill);
      if (!had || had.confidence < p.confidence) found.set(p.skill, p);
    };

    // A named skill the classifier knows only lowers its bar (the classifier has learnt when
    // "windows" or "sql" in a title really means that skill); one it does not know counts outright.
    const mentioned = this.mentions(words);
    const known = new Set(this.model.tags);
    for (const skill of mentioned) if (!known.has(skill)) offer({ skill, source: 'mention', confidence: MENTION_CONFIDENCE });
    const lexicon = lookups(words, LEXICON_MAX_WORDS, (key) => HELPDESK_LEXICON.get(key));

    const p = this.probabilities(ticket);
    let top = 0;
    for (const v of p) top = Math.max(top, v);
    const programming = top >= this.gate || mentioned.some((skill) => this.catalog.get(skill)?.group !== 'it');
    const support = lexicon.filter((e) => e.strong || !programming);
    for (const entry of support) {
      offer({ skill: entry.skill, source: 'lexicon', confidence: entry.strong ? STRONG_LEXICON_CONFIDENCE : WEAK_LEXICON_CONFIDENCE });
    }

    // The classifier learnt from programming questions. On an IT-support ticket, or one naming a
    // skill it never saw (kubernetes, vpn), its low-confidence guesses are noise ("printer jams"
    // is not a Java question).
    const itSupport = support.length > 0 || mentioned.some((skill) => !known.has(skill) || this.catalog.get(skill)?.group === 'it');
    const scale = (tag: string) => (staff.has(tag) ? this.staffScale : 1) * (mentioned.includes(tag) ? MENTION_THRESHOLD_SCALE : 1);
    for (const s of this.model.decide(p, scale)) {
      if (itSupport && s.probability < this.gate && !mentioned.includes(s.tag)) continue;
      offer({ skill: s.tag, source: 'model', confidence: round(s.probability) });
    }

    return [...found.values()]
      .filter((f) => this.catalog.has(f.skill))
      .sort((a, b) => b.confidence - a.confidence || Number(staff.has(b.skill)) - Number(staff.has(a.skill)) || a.skill.localeCompare(b.skill))
      .slice(0, this.maxSkills);
  }

  /** Probabilities from the title, and from the title with the start of the description when there is one (the larger wins). */
  private probabilities(ticket: { readonly title: string; readonly description: string }): Float32Array {
    const title = this.model.probabilities(ticket.title);
    const description = ticket.description.trim();
    if (description === '' || description === ticket.title.trim()) return title;
    const opening = description.split(/\s+/).slice(0, DESCRIPTION_WORDS).join(' ');
    const both = this.model.probabilities(`${ticket.title}\n${opening}`);
    return title.map((v, i) => Math.max(v, both[i] ?? 0));
  }

  /** Catalog ids named outright by an id or a distinctive alias. */
  private mentions(words: readonly string[]): string[] {
    return lookups(words, MENTION_MAX_WORDS, (key) => (AMBIGUOUS_MENTIONS.has(key) ? undefined : (this.catalog.normalize(key) ?? undefined)));
  }
}

/** Looks every run of 1…maxWords consecutive words up, returning the distinct hits in text order. */
function lookups<T>(words: readonly string[], maxWords: number, find: (key: string) => T | undefined): T[] {
  const out: T[] = [];
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
      key = n === 1 ? (words[i] ?? '') : `${key} ${words[i + n - 1] ?? ''}`;
      const hit = find(key);
      if (hit !== undefined && !out.includes(hit)) out.push(hit);
    }
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
