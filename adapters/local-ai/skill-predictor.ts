import { SkillCatalog, skillKey } from '../../core/index.js';
import { skillWords } from './skill-features.js';
import { AMBIGUOUS_MENTIONS } from './skill-lexicon.js';
import { SkillMatcher } from './skill-matcher.js';
import { shippedSkillModel, type SkillModel } from './skill-model.js';

const NO_LEARNING: ReadonlyMap<string, number> = new Map();

/** Where a predicted skill came from (`model`: the helpdesk model), for explanations and tests. */
export type SkillSource = 'mention' | 'model' | 'lexicon' | 'history';

export interface SkillPrediction {
  readonly skill: string;
  readonly source: SkillSource;
  /** 0..1 */
  readonly confidence: number;
}

/** A resolved or corrected ticket like this one, whose skills vote. */
export interface SkillVote {
  readonly skills: readonly string[];
  /** Similarity 0..1. */
  readonly score: number;
  /** Staff corrected this ticket's skills: the strongest signal there is. */
  readonly corrected: boolean;
}

export interface SkillPredictorOptions {
  /** Defaults to the shipped model, loaded on first use (only for technical words that are also ordinary words). */
  readonly model?: SkillModel;
  readonly catalog?: SkillCatalog;
  /** Model probability a named technical word that is also an ordinary word (`spring`, `rails`) needs. */
  readonly programmingGate?: number;
  readonly maxSkills?: number;
}

/** Longest technical id or alias, in words (`ruby on rails`). */
const MENTION_MAX_WORDS = 3;
const MENTION_CONFIDENCE = 0.9;
/** A helpdesk skill needs this much evidence (one word naming it, or three hints). */
const MIN_SCORE = 0.95;
/** Without such evidence, the best skill is still a guess when its hints reach this much (two hints, not one). */
const GUESS_SCORE = 0.6;
/** Confidence of such a guess: low enough that the notes say the ticket needs a look. */
export const GUESS_CONFIDENCE = 0.3;
/** A further skill must reach this share of the best one. */
const RELATIVE = 0.6;
/** Score at which confidence saturates. */
const FULL_SCORE = 3;
const CORRECTION_WEIGHT = 2.5;
const RESOLVED_WEIGHT = 0.8;
/** Similar tickets below this score do not vote. */
const MIN_VOTE_SCORE = 0.15;
/**
 * The helpdesk model's vote: its probability times this. About one title word
 * for a sure reading; measured on company sets the model never saw, it lifts
 * routing by three points without pulling one-line vague tickets to a desk.
 */
const LEARNED_WEIGHT = 2.5;
/** Probabilities below this are the model's base rate, not a reading. */
const LEARNED_FLOOR = 0.2;
/** A staff correction of a ticket at least this similar decides: the model stays out, and local triage follows its priority. */
export const CORRECTION_DECIDES = 0.5;

/**
 * Predicts a ticket's skills (canonical catalog ids): helpdesk skills from
 * the words that name them ({@link SkillMatcher}, shipped and taught by
 * admins, five languages, typo-tolerant), with similar resolved tickets and
 * staff corrections voting; technical skills (`python`, `c#`) only when the
 * ticket names one by id or alias, and for aliases that are also ordinary
 * words (`spring`, `rails`, `node`) only when the trained classifier agrees
 * the ticket is about it.
 */
export class SkillPredictor {
  private readonly catalog: SkillCatalog;
  private modelRef: SkillModel | undefined;
  private readonly gate: number;
  private readonly maxSkills: number;
  private matcherRef: { revision: number; matcher: SkillMatcher } | null = null;
  private technicalRef: { revision: number; keys: ReadonlyMap<string, string> } | null = null;

  constructor(options: SkillPredictorOptions = {}) {
    this.catalog = options.catalog ?? new SkillCatalog();
    this.modelRef = options.model;
    this.gate = options.programmingGate ?? 0.5;
    this.maxSkills = options.maxSkills ?? 3;
  }

  private get model(): SkillModel {
    this.modelRef ??= shippedSkillModel();
    return this.modelRef;
  }

  private get matcher(): SkillMatcher {
    if (this.matcherRef?.revision !== this.catalog.revision) this.matcherRef = { revision: this.catalog.revision, matcher: new SkillMatcher(this.catalog) };
    return this.matcherRef.matcher;
  }

  /** Every technical id and alias as a catalog key (`ruby-on-rails`), to the id the catalog resolves it to. */
  private get technical(): ReadonlyMap<string, string> {
    if (this.technicalRef?.revision !== this.catalog.revision) {
      const keys = new Map<string, string>();
      for (const def of this.catalog.definitions()) {
        if (def.kind !== 'technical') continue;
        for (const name of [def.id, ...(def.aliases ?? [])]) {
          const key = skillKey(name);
          const id = this.catalog.normalize(key);
          if (id && this.catalog.isProgramming(id)) keys.set(key, id);
        }
      }
      this.technicalRef = { revision: this.catalog.revision, keys };
    }
    return this.technicalRef.keys;
  }

  /** `learned` is the helpdesk model's probability per shipped skill ({@link HelpdeskModel}), when triage uses it. */
  predict(ticket: { readonly title: string; readonly description: string }, staffSkills: Iterable<string> = [], votes: readonly SkillVote[] = [], learned: ReadonlyMap<string, number> = NO_LEARNING): SkillPrediction[] {
    const staff = new Set(this.catalog.normalizeAll(staffSkills));
    const scores = new Map<string, { score: number; source: SkillSource; first: number }>();
    for (const s of this.matcher.score(ticket.title, ticket.description)) scores.set(s.skill, { score: s.score, source: 'lexicon', first: s.first });
    // The model has never seen this helpdesk: where one of its own skills is named, or staff corrected a
    // ticket much like this one, the helpdesk's own words and corrections decide.
    const ownNamed = learned.size > 0 && [...scores].some(([skill, s]) => s.score >= MIN_SCORE && this.catalog.get(skill)?.group === 'custom');
    const corrected = votes.some((v) => v.corrected && v.score >= CORRECTION_DECIDES);
    if (!ownNamed && !corrected) {
      for (const [skill, p] of learned) {
        if (p < LEARNED_FLOOR || !this.catalog.has(skill)) continue;
        const had = scores.get(skill);
        scores.set(skill, { score: (had?.score ?? 0) + LEARNED_WEIGHT * p, source: had ? had.source : 'model', first: had?.first ?? Number.MAX_SAFE_INTEGER });
      }
    }
    for (const v of votes) {
      if (v.score < MIN_VOTE_SCORE) continue;
      const weight = (v.corrected ? CORRECTION_WEIGHT : RESOLVED_WEIGHT) * Math.min(1, v.score * 2);
      for (const raw of v.skills) {
        const skill = this.catalog.normalize(raw);
        if (!skill || this.catalog.isProgramming(skill)) continue;
        const had = scores.get(skill);
        scores.set(skill, { score: (had?.score ?? 0) + weight, source: had && had.score >= weight ? had.source : 'history', first: had?.first ?? Number.MAX_SAFE_INTEGER });
      }
    }
    reportedMessage(scores);
    const ranked = [...scores].filter(([skill]) => this.catalog.has(skill)).sort((a, b) => b[1].score - a[1].score || Number(staff.has(b[0])) - Number(staff.has(a[0])) || a[1].first - b[1].first || a[0].localeCompare(b[0]));
    const top = ranked[0]?.[1].score ?? 0;
    const out: SkillPrediction[] = [];
    for (const [skill, s] of ranked) {
      if (s.score < MIN_SCORE || s.score < RELATIVE * top) break;
      out.push({ skill, source: s.source, confidence: round(Math.min(0.95, 0.4 + 0.55 * Math.min(1, s.score / FULL_SCORE))) });
    }
    // Context words alone ("the green lever in tray 2 won't move"): a best guess beats a random desk, at low confidence.
    const guess = ranked[0];
    // The model's vote alone is no such guess: below a reading it is only the model's uncertainty.
    if (out.length === 0 && guess && guess[1].score >= GUESS_SCORE && guess[1].source !== 'model') out.push({ skill: guess[0], source: guess[1].source, confidence: GUESS_CONFIDENCE });
    for (const skill of this.mentions(ticket, out.length > 0)) {
      if (out.some((o) => o.skill === skill)) continue;
      // An everyday ticket that names a language ("install Python for a course", "Java update popup") is about
      // the helpdesk skill it reads as: the technical id joins only if someone on staff works on it, or when it
      // is a narrower spelling of a helpdesk skill (`sql-server` for `database`).
      // A technical id nobody on a known staff works on routes nowhere but to an admin: it is left out too.
      // A narrower spelling joins the helpdesk skill it narrows ("SQL Server" beside database), not another desk's ticket
      // ("the mongodb backups fill the Ubuntu VM's disk" stays Linux).
      const broader = this.catalog.broader(skill);
      const joins = broader.length > 0 && (out.length === 0 || broader.some((b) => out.some((o) => o.skill === b)));
      if ((out.length > 0 || staff.size > 0) && !staff.has(skill) && !joins) continue;
      out.push({ skill, source: 'mention', confidence: MENTION_CONFIDENCE });
    }
    return out.slice(0, this.maxSkills);
  }

  /**
   * Technical ids named outright by an id or a distinctive alias; aliases that are ordinary words
   * need a ticket that reads as no helpdesk skill and the classifier's agreement.
   */
  private mentions(ticket: { readonly title: string; readonly description: string }, readsAsSupport: boolean): string[] {
    const words = skillWords(`${ticket.title}\n${ticket.description}`).map((w) => (w.includes('_') ? skillKey(w) : w));
    const technical = this.technical;
    const out: string[] = [];
    const ambiguous: string[] = [];
    for (let i = 0; i < words.length; i++) {
      let key = '';
      for (let n = 1; n <= MENTION_MAX_WORDS && i + n <= words.length; n++) {
        key = n === 1 ? (words[i] ?? '') : `${key}-${words[i + n - 1] ?? ''}`;
        const id = technical.get(key);
        if (!id || out.includes(id)) continue;
        if (AMBIGUOUS_MENTIONS.has(words.slice(i, i + n).join(' '))) {
          if (!ambiguous.includes(id)) ambiguous.push(id);
        } else out.push(id);
      }
    }
    // On a ticket that already reads as IT support or another desk, an ordinary word is just that word (shelf "rails", a slow-"performance" report).
    if (ambiguous.length > 0 && !readsAsSupport) {
      const p = this.model.probabilities(ticket.title);
      for (const id of ambiguous) {
        const at = this.model.tags.indexOf(id);
        if (at >= 0 && (p[at] ?? 0) >= this.gate && !out.includes(id)) out.push(id);
      }
    }
    return out;
  }
}

/** Two security words make a message the requester doubts: "doesn't look right", "haven't clicked". */
const REPORTED_SECURITY = 2 * MIN_SCORE;
/** A hint of a mail is enough beside them ("FW:", "sender"). */
const REPORTED_MAIL = 0.5;

/**
 * A mail the requester doubts ("this invoice doesn't look right, I haven't opened the attachment") is the
 * security desk's, however much the lure talks of invoices or parcels: security leads, mail follows.
 */
function reportedMessage(scores: Map<string, { score: number; source: SkillSource; first: number }>): void {
  const security = scores.get('security');
  const mail = scores.get('email');
  if (!security || !mail || security.score < REPORTED_SECURITY || mail.score < REPORTED_MAIL) return;
  let top = 0;
  for (const [skill, s] of scores) if (skill !== 'security') top = Math.max(top, s.score);
  if (security.score <= top) scores.set('security', { ...security, score: top + 0.01 });
  if (mail.score < RELATIVE * (top + 0.01)) scores.set('email', { ...mail, score: RELATIVE * (top + 0.01) });
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
