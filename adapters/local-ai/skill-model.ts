import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { skillFeatures } from './skill-features.js';

/** On-disk form of the skill classifier, written by train/train-skills.ts. */
export const skillModelSchema = z.object({
  format: z.literal('helpdesk-skills-logreg/1'),
  tags: z.array(z.string()).min(1),
  bias: z.array(z.number()),
  thresholds: z.array(z.number()),
  topK: z.number().int().min(1),
  /** The best tag is kept even below its threshold when its probability reaches this. */
  minTop: z.number().min(0).max(1),
  /** Feature → flat [tagIndex, weight, tagIndex, weight, …]. */
  weights: z.record(z.string(), z.array(z.number())),
  trainedOn: z.string().optional(),
  crossValidation: z.record(z.string(), z.number()).optional(),
});
export type SkillModelFile = z.infer<typeof skillModelSchema>;

/** A tag and the model's probability for it. */
export interface TagScore {
  readonly tag: string;
  readonly probability: number;
}

/**
 * One-vs-rest logistic regression over title features (words, word parts,
 * bigrams, character trigrams), with per-tag decision thresholds and a cap
 * on how many tags one title gets. Weights are stored sparsely: a feature
 * maps to a run in three flat typed arrays.
 */
export class SkillModel {
  readonly tags: readonly string[];
  private readonly bias: Float32Array;
  private readonly thresholds: Float32Array;
  private readonly topK: number;
  private readonly minTop: number;
  private readonly featureIndex = new Map<string, number>();
  private readonly start: Uint32Array;
  private readonly tagOf: Uint16Array;
  private readonly weight: Float32Array;

  constructor(file: SkillModelFile) {
    const n = file.tags.length;
    if (file.bias.length !== n || file.thresholds.length !== n) throw new Error('skill model: bias and thresholds must have one entry per tag');
    this.tags = file.tags;
    this.bias = Float32Array.from(file.bias);
    this.thresholds = Float32Array.from(file.thresholds);
    this.topK = file.topK;
    this.minTop = file.minTop;
    const entries = Object.entries(file.weights);
    let total = 0;
    for (const [, flat] of entries) total += flat.length / 2;
    this.start = new Uint32Array(entries.length + 1);
    this.tagOf = new Uint16Array(total);
    this.weight = new Float32Array(total);
    let at = 0;
    entries.forEach(([feature, flat], i) => {
      this.featureIndex.set(feature, i);
      this.start[i] = at;
      for (let j = 0; j + 1 < flat.length; j += 2) {
        const tag = flat[j] ?? -1;
        if (!Number.isInteger(tag) || tag < 0 || tag >= n) throw new Error(`skill model: bad tag index for feature ${feature}`);
        this.tagOf[at] = tag;
        this.weight[at] = flat[j + 1] ?? 0;
        at += 1;
      }
    });
    this.start[entries.length] = at;
  }

  /** Reads and validates a model file. */
  static load(path: string | URL): SkillModel {
    const parsed = skillModelSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`not a model file (${parsed.error.issues[0]?.path.join('.') || 'file'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
    return new SkillModel(parsed.data);
  }

  /** Probability of every tag for a text, in tag order. */
  probabilities(text: string): Float32Array {
    return this.probabilitiesOf(skillFeatures(text));
  }

  /** Share of the words among `features` (not word pairs or letter triples) that the model has weights for. */
  knownWords(features: readonly string[]): number {
    let words = 0;
    let known = 0;
    for (const f of features) {
      if (!f.startsWith('w:')) continue;
      words += 1;
      if (this.featureIndex.has(f)) known += 1;
    }
    return words === 0 ? 0 : known / words;
  }

  /** {@link probabilities} of features already extracted with {@link skillFeatures}. */
  probabilitiesOf(features: readonly string[]): Float32Array {
    const z = Float32Array.from(this.bias);
    const scale = 1 / Math.sqrt(Math.max(1, features.length));
    for (const f of features) {
      const i = this.featureIndex.get(f);
      if (i === undefined) continue;
      for (let k = this.start[i] ?? 0, end = this.start[i + 1] ?? 0; k < end; k++) {
        const tag = this.tagOf[k] ?? 0;
        z[tag] = (z[tag] ?? 0) + (this.weight[k] ?? 0) * scale;
      }
    }
    for (let t = 0; t < z.length; t++) z[t] = 1 / (1 + Math.exp(-(z[t] ?? 0)));
    return z;
  }

  /**
   * The tags to predict from probabilities: those at or above their own
   * threshold (`thresholdScale` < 1 lowers them, e.g. for skills staff
   * hold), best first, at most `topK`; the best tag alone when none passes
   * but it reaches `minTop`.
   */
  decide(p: Float32Array, thresholdScale: (tag: string) => number = () => 1): TagScore[] {
    const order = [...p.keys()].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0) || a - b);
    const out: TagScore[] = [];
    for (const t of order) {
      if (out.length >= this.topK) break;
      const tag = this.tags[t] ?? '';
      if ((p[t] ?? 0) >= (this.thresholds[t] ?? 1) * thresholdScale(tag)) out.push({ tag, probability: p[t] ?? 0 });
    }
    const top = order[0];
    if (out.length === 0 && top !== undefined && (p[top] ?? 0) >= this.minTop) out.push({ tag: this.tags[top] ?? '', probability: p[top] ?? 0 });
    return out;
  }

  /** Predicted tags for a text. */
  predict(text: string): TagScore[] {
    return this.decide(this.probabilities(text));
  }
}

let shipped: SkillModel | undefined;

/** The model shipped in model/skills-model.json, loaded once on first use. */
export function shippedSkillModel(): SkillModel {
  shipped ??= SkillModel.load(new URL('./model/skills-model.json', import.meta.url));
  return shipped;
}
