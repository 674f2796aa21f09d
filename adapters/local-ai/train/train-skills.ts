/**
 * Trains the local skill classifier and writes adapters/local-ai/model/skills-model.json.
 *
 *   npx tsx adapters/local-ai/train/train-skills.ts [--data <titles.jsonl>] [--out <model.json>] [--folds 5] [--no-cv]
 *
 * Input lines are `{title, body?, tags}` with tags in catalog spelling. The
 * script first estimates how the shipped recipe generalizes with nested
 * k-fold cross-validation (each outer fold's model and decision thresholds
 * are chosen without ever seeing that fold), then fits the final model on
 * all rows with thresholds tuned on out-of-fold predictions. Deterministic:
 * the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SkillCatalog } from '../../../core/index.js';
import { readJsonl } from '../jsonl.js';
import { skillFeatures } from '../skill-features.js';
import { SkillModel, type SkillModelFile } from '../skill-model.js';
import { SkillPredictor } from '../skill-predictor.js';
import { fitSparse, rng, shuffle, type TrainOptions } from './logistic.js';
import { f1, tuneRule, type Counts, type DecisionRule } from './thresholds.js';

const TRAIN: TrainOptions = { epochs: 6, l2: 2e-3, learningRate: 0.5, seed: 7 };
/** Features seen fewer times than this carry no reliable evidence and would only bloat the file. */
const MIN_FEATURE_COUNT = 2;
/**
 * Weights closer to zero than this are dropped from the file. A title has
 * about 50 features scaled by 1/sqrt(50), so a weight below 1 moves a logit
 * by less than 0.15; measured on a held-out fold, pruning at 1 keeps F1
 * (0.643 vs 0.639 unpruned) and cuts the file tenfold.
 */
const PRUNE_EPSILON = 1;
const DECIMALS = 1;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataPath = option('--data', `${root}../shared/data/skills/stackoverflow-titles-dev.jsonl`);
const outPath = option('--out', fileURLToPath(new URL('../model/skills-model.json', import.meta.url)));
const folds = Number(option('--folds', '5'));
const crossValidate = !args.includes('--no-cv');

const schema = z.object({ title: z.string(), body: z.string().optional().default(''), tags: z.array(z.string()).min(1) });
const rows = readJsonl(dataPath, schema).map((r) => r.value);
const catalog = new SkillCatalog();
const tags = [...new Set(rows.flatMap((r) => r.tags))].sort();
const unknown = tags.filter((t) => catalog.normalize(t) !== t);
if (unknown.length) throw new Error(`tags missing from the skill catalog (add them to core/domain/skill-catalog.ts): ${unknown.join(', ')}`);
const tagIndex = new Map(tags.map((t, i) => [t, i]));
const texts = rows.map((r) => (r.body ? `${r.title}\n${r.body}` : r.title));
const features = texts.map(skillFeatures);
const labels = rows.map((r) => new Set(r.tags.map((t) => tagIndex.get(t) as number)));

/** Fits on the given rows and returns the model exactly as the shipped file would hold it. */
function fit(indices: readonly number[], rule: DecisionRule): SkillModelFile {
  const { weights, bias } = fitSparse(
    indices.map((i) => features[i] ?? []),
    indices.map((i) => labels[i] as Set<number>),
    tags.length,
    { train: TRAIN, minCount: MIN_FEATURE_COUNT, pruneEpsilon: PRUNE_EPSILON, decimals: DECIMALS },
  );
  return { format: 'helpdesk-skills-logreg/1', tags, bias, thresholds: rule.thresholds, topK: rule.topK, minTop: rule.minTop, weights };
}

const PLACEHOLDER: DecisionRule = { thresholds: new Array<number>(tags.length).fill(0.5), topK: 4, minTop: 0 };

/** Out-of-fold probabilities for `indices` (each row predicted by a model that never saw it). */
function outOfFold(indices: readonly number[], k: number, seed: number): Float32Array[] {
  const order = shuffle([...indices], rng(seed));
  const probs = new Map<number, Float32Array>();
  for (let f = 0; f < k; f++) {
    const test = order.filter((_, j) => j % k === f);
    const model = new SkillModel(fit(order.filter((_, j) => j % k !== f), PLACEHOLDER));
    for (const i of test) probs.set(i, model.probabilities(texts[i] ?? ''));
  }
  return indices.map((i) => probs.get(i) as Float32Array);
}

function tuned(indices: readonly number[], seed: number): SkillModelFile {
  const rule = tuneRule(outOfFold(indices, folds, seed), indices.map((i) => labels[i] as Set<number>), tags.length);
  return fit(indices, rule);
}

const all = rows.map((_, i) => i);
const started = Date.now();
let cv: Record<string, number> | undefined;
if (crossValidate) {
  const order = shuffle([...all], rng(11));
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const modelOnly: Counts = { tp: 0, fp: 0, fn: 0 };
  const perFold: number[] = [];
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, j) => j % folds === f);
    const model = new SkillModel(tuned(order.filter((_, j) => j % folds !== f), 100 + f));
    // Scored through the run-time paths: the model alone, and the full predictor (catalog mentions and lexicon added).
    const predictor = new SkillPredictor({ model, catalog });
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const i of test) {
      const row = rows[i] as (typeof rows)[number];
      tally(modelOnly, row.tags, model.predict(texts[i] ?? '').map((s) => s.tag));
      const predicted = predictor.predict({ title: row.title, description: row.body }).map((s) => s.skill);
      tally(c, row.tags, predicted);
    }
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    perFold.push(f1(c).f1);
    console.error(`fold ${f + 1}/${folds}: F1 ${f1(c).f1.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const m = f1(total);
  const alone = f1(modelOnly);
  const mean = perFold.reduce((a, b) => a + b, 0) / perFold.length;
  const sd = Math.sqrt(perFold.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, perFold.length - 1));
  cv = { folds, precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), f1FoldSd: round(sd), modelOnlyF1: round(alone.f1) };
  console.log(`cross-validated (${folds}-fold, nested threshold tuning), model alone: micro P ${alone.precision.toFixed(4)}  R ${alone.recall.toFixed(4)}  F1 ${alone.f1.toFixed(4)}`);
  console.log(`cross-validated, full predictor (as triage uses it): micro P ${m.precision.toFixed(4)}  R ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}  (fold sd ${sd.toFixed(4)})`);
}

const final = tuned(all, 1);
const out: SkillModelFile = { ...final, trainedOn: `${rows.length} titles, ${tags.length} tags`, ...(cv ? { crossValidation: cv } : {}) };
const json = `${JSON.stringify(out)}\n`;
writeFileSync(outPath, json);
const nonZero = Object.values(out.weights).reduce((n, w) => n + w.length / 2, 0);
console.log(`wrote ${outPath}: ${Object.keys(out.weights).length} features, ${nonZero} weights, ${(json.length / 1024).toFixed(0)} KiB, topK ${out.topK}, minTop ${out.minTop}`);

function tally(c: Counts, truth: readonly string[], predicted: readonly string[]): void {
  for (const t of predicted) {
    if (truth.includes(t)) c.tp += 1;
    else c.fp += 1;
  }
  for (const t of truth) if (!predicted.includes(t)) c.fn += 1;
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
