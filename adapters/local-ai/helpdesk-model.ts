import { skillFeatures } from './skill-features.js';
import { SkillModel } from './skill-model.js';

/** The model's tag for "a helpdesk lead would call this HIGH" (the other tags are helpdesk skill ids). */
export const HIGH_TAG = 'priority:high';

/** What the learned model reads in a ticket: a probability per helpdesk skill, and that it is HIGH. */
export interface LearnedReading {
  readonly skills: ReadonlyMap<string, number>;
  readonly high: number;
}

/**
 * The model's HIGH at this probability makes a ticket HIGH that no rule
 * read as one (local triage), and is what training's cross-validation
 * scores. Over five rounds of company sets it had not seen (2,090 routable
 * tickets), it raised 59 tickets to HIGH: 51 were gold HIGH, 7 had no gold
 * priority and 1 was gold LOW.
 */
export const LEARNED_HIGH = 0.5;

/** Nothing learned: a ticket read by the rules and the catalog's words alone. */
export const NO_READING: LearnedReading = { skills: new Map(), high: 0 };

/**
 * The model reads a ticket only when it knows at least this share of its
 * words: a language it never saw (Vietnamese, Japanese) or a string of
 * symbols shares letter triples with everything and means nothing.
 */
const MIN_KNOWN_WORDS = 0.5;

/** Accents folded, so "não", "nao" and "NÃO" are one feature. */
const MARKS = /\p{M}/gu;

/**
 * The text the model reads, the same in training and at run time: the title
 * and the body without its mail footer (the caller strips it), accents folded.
 */
export function learnedText(title: string, description: string): string {
  return `${title}\n${description === title ? '' : description}`.normalize('NFD').replace(MARKS, '');
}

/**
 * A classifier trained on the project's own labelled employee tickets
 * (train/train-helpdesk.ts): the words, word pairs and letter triples of
 * thousands of tickets in five languages, for the helpdesk's shipped skills
 * and for HIGH. It generalizes where no catalog word fits ("the tills in
 * three stores show a red cross") and votes beside the words, the history
 * and staff corrections; it knows nothing of a team's own skills.
 */
export class HelpdeskModel {
  private readonly high: number;
  private readonly skillTags: readonly (readonly [number, string])[];

  constructor(private readonly model: SkillModel) {
    this.high = model.tags.indexOf(HIGH_TAG);
    if (this.high < 0) throw new Error(`not a helpdesk model (it has no ${HIGH_TAG} tag)`);
    this.skillTags = model.tags.flatMap((tag, i) => (tag === HIGH_TAG ? [] : [[i, tag] as const]));
  }

  static load(path: string | URL): HelpdeskModel {
    return new HelpdeskModel(SkillModel.load(path));
  }

  /** `description` is the body as triage reads it (mail footer removed). */
  read(title: string, description: string): LearnedReading {
    const features = skillFeatures(learnedText(title, description));
    if (this.model.knownWords(features) < MIN_KNOWN_WORDS) return NO_READING;
    const p = this.model.probabilitiesOf(features);
    const skills = new Map<string, number>();
    for (const [i, tag] of this.skillTags) skills.set(tag, p[i] ?? 0);
    return { skills, high: p[this.high] ?? 0 };
  }
}

let shipped: HelpdeskModel | undefined;

/** The model shipped in model/helpdesk-model.json, loaded once on first use. */
export function shippedHelpdeskModel(): HelpdeskModel {
  shipped ??= HelpdeskModel.load(new URL('./model/helpdesk-model.json', import.meta.url));
  return shipped;
}
