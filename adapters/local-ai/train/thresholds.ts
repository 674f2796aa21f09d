/**
 * Decision rules for the skill classifier, chosen on out-of-fold
 * probabilities (never on the rows a model was trained on): one global
 * threshold, a top-k cap and a floor for the best tag, then per-tag
 * thresholds shrunk toward the global one so a rare tag's few examples
 * cannot pull its threshold far.
 */

export interface DecisionRule {
  readonly thresholds: number[];
  readonly topK: number;
  readonly minTop: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The same rule SkillModel.decide applies at run time. */
export function decideTags(p: Float32Array, rule: DecisionRule): number[] {
  const order = [...p.keys()].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0) || a - b);
  const out: number[] = [];
  for (const t of order) {
    if (out.length >= rule.topK) break;
    if ((p[t] ?? 0) >= (rule.thresholds[t] ?? 1)) out.push(t);
  }
  const top = order[0];
  if (out.length === 0 && top !== undefined && (p[top] ?? 0) >= rule.minTop) out.push(top);
  return out;
}

export function count(probabilities: readonly Float32Array[], labels: readonly Set<number>[], rule: DecisionRule): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  probabilities.forEach((p, i) => {
    const y = labels[i] as Set<number>;
    const predicted = decideTags(p, rule);
    for (const t of predicted) {
      if (y.has(t)) c.tp += 1;
      else c.fp += 1;
    }
    for (const t of y) if (!predicted.includes(t)) c.fn += 1;
  });
  return c;
}

const GLOBAL_GRID = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55];
const TAG_GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];
/** Pseudo-count of the shrinkage toward the global threshold. */
const SHRINK = 30;

export function tuneRule(probabilities: readonly Float32Array[], labels: readonly Set<number>[], tags: number): DecisionRule {
  let best: DecisionRule = { thresholds: new Array<number>(tags).fill(0.35), topK: 4, minTop: 0 };
  let bestF = -1;
  for (const theta of GLOBAL_GRID) {
    for (const topK of [3, 4, 5]) {
      for (const minTop of [0, 0.05, 0.1, 0.2]) {
        const rule = { thresholds: new Array<number>(tags).fill(theta), topK, minTop };
        const f = f1(count(probabilities, labels, rule)).f1;
        if (f > bestF) {
          bestF = f;
          best = rule;
        }
      }
    }
  }
  const global = best.thresholds[0] ?? 0.35;
  const thresholds = perTag(probabilities, labels, tags, global);
  const tuned = { ...best, thresholds };
  return f1(count(probabilities, labels, tuned)).f1 >= bestF ? tuned : best;
}

/** Coordinate ascent on micro F1, one tag at a time (ignoring the top-k cap), then shrinkage toward `global`. */
function perTag(probabilities: readonly Float32Array[], labels: readonly Set<number>[], tags: number, global: number): number[] {
  const thresholds = new Array<number>(tags).fill(global);
  const positives = new Array<number>(tags).fill(0);
  for (const y of labels) for (const t of y) positives[t] = (positives[t] ?? 0) + 1;
  const tagCounts = (t: number, theta: number): Counts => {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    probabilities.forEach((p, i) => {
      const hit = (p[t] ?? 0) >= theta;
      const truth = (labels[i] as Set<number>).has(t);
      if (hit && truth) c.tp += 1;
      else if (hit) c.fp += 1;
      else if (truth) c.fn += 1;
    });
    return c;
  };
  const per = Array.from({ length: tags }, (_, t) => tagCounts(t, global));
  const total = (): Counts => per.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  for (let pass = 0; pass < 2; pass++) {
    for (let t = 0; t < tags; t++) {
      const rest = total();
      const mine = per[t] as Counts;
      rest.tp -= mine.tp;
      rest.fp -= mine.fp;
      rest.fn -= mine.fn;
      let bestTheta = thresholds[t] ?? global;
      let bestF = -1;
      for (const theta of TAG_GRID) {
        const c = tagCounts(t, theta);
        const f = f1({ tp: rest.tp + c.tp, fp: rest.fp + c.fp, fn: rest.fn + c.fn }).f1;
        if (f > bestF + 1e-9) {
          bestF = f;
          bestTheta = theta;
        }
      }
      const n = positives[t] ?? 0;
      thresholds[t] = Math.round(((n * bestTheta + SHRINK * global) / (n + SHRINK)) * 1000) / 1000;
      per[t] = tagCounts(t, thresholds[t] ?? global);
    }
  }
  return thresholds;
}
