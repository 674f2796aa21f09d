/**
 * One-vs-rest logistic regression for sparse binary features, trained with
 * AdaGrad and lazy L2 regularization; deterministic for a given seed. Used
 * only by the training script, never at run time.
 */

/** Rows of feature ids with the 1/sqrt(n) scale prediction uses (n counts every feature of the text, known or not). */
export interface SparseRow {
  readonly ids: Int32Array;
  readonly scale: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly l2: number;
  readonly learningRate: number;
  readonly seed: number;
}

export interface LinearModel {
  /** weights[tag][feature] */
  readonly weights: Float32Array[];
  readonly bias: Float32Array;
}

/** Small deterministic PRNG (LCG) so training and folds are reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export function trainLogistic(rows: readonly SparseRow[], labels: readonly Set<number>[], dims: number, tags: number, o: TrainOptions): LinearModel {
  const weights = Array.from({ length: tags }, () => new Float32Array(dims));
  const squares = Array.from({ length: tags }, () => new Float32Array(dims).fill(1e-8));
  const bias = new Float32Array(tags);
  const biasSquares = new Float32Array(tags).fill(1e-8);
  // Start every bias at the tag's log-odds so rare tags begin near their base rate.
  const counts = new Float32Array(tags);
  for (const y of labels) for (const t of y) counts[t] = (counts[t] ?? 0) + 1;
  for (let t = 0; t < tags; t++) {
    const p = ((counts[t] ?? 0) + 1) / (labels.length + 2);
    bias[t] = Math.log(p / (1 - p));
  }
  const order = rows.map((_, i) => i);
  const random = rng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i] as SparseRow;
      const y = labels[i] as Set<number>;
      for (let t = 0; t < tags; t++) {
        const w = weights[t] as Float32Array;
        const g2 = squares[t] as Float32Array;
        let z = bias[t] ?? 0;
        for (const k of row.ids) z += (w[k] ?? 0) * row.scale;
        const g = 1 / (1 + Math.exp(-z)) - (y.has(t) ? 1 : 0);
        // Near-zero gradients change nothing measurable; skipping them makes an epoch several times faster.
        if (Math.abs(g) < 1e-4) continue;
        for (const k of row.ids) {
          const gk = g * row.scale + o.l2 * (w[k] ?? 0);
          g2[k] = (g2[k] ?? 0) + gk * gk;
          w[k] = (w[k] ?? 0) - (o.learningRate * gk) / Math.sqrt(g2[k] ?? 1);
        }
        biasSquares[t] = (biasSquares[t] ?? 0) + g * g;
        bias[t] = (bias[t] ?? 0) - (o.learningRate * g) / Math.sqrt(biasSquares[t] ?? 1);
      }
    }
  }
  return { weights, bias };
}

/** Probabilities of every tag for one row. */
export function predictRow(model: LinearModel, row: SparseRow): Float32Array {
  const out = new Float32Array(model.bias.length);
  for (let t = 0; t < out.length; t++) {
    const w = model.weights[t] as Float32Array;
    let z = model.bias[t] ?? 0;
    for (const k of row.ids) z += (w[k] ?? 0) * row.scale;
    out[t] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

/** Zeroes weights smaller than `epsilon` and rounds the rest to `decimals` (biases to 2), as the shipped file stores them. */
export function prune(model: LinearModel, epsilon: number, decimals: number): LinearModel {
  const f = 10 ** decimals;
  const weights = model.weights.map((w) => w.map((v) => (Math.abs(v) < epsilon ? 0 : Math.round(v * f) / f)));
  return { weights, bias: model.bias.map((v) => Math.round(v * 100) / 100) };
}

export interface SparseFit {
  readonly train: TrainOptions;
  /** Features seen fewer times than this in the rows are left out. */
  readonly minCount: number;
  /** Weights closer to zero than this are dropped from the file. */
  readonly pruneEpsilon: number;
  readonly decimals: number;
}

/**
 * Fits one-vs-rest weights on rows of feature strings and returns them as a
 * model file holds them: feature → flat [tag, weight, tag, weight, …] for the
 * weights that survive pruning, and biases rounded to two decimals.
 */
export function fitSparse(features: readonly (readonly string[])[], labels: readonly Set<number>[], tags: number, o: SparseFit): { weights: Record<string, number[]>; bias: number[] } {
  const seen = new Map<string, number>();
  for (const fs of features) for (const f of fs) seen.set(f, (seen.get(f) ?? 0) + 1);
  const vocab = [...seen].filter(([, n]) => n >= o.minCount).map(([f]) => f);
  const ids = new Map(vocab.map((f, i) => [f, i]));
  const sparse: SparseRow[] = features.map((fs) => ({
    ids: Int32Array.from(fs.map((f) => ids.get(f)).filter((k): k is number => k !== undefined)),
    scale: 1 / Math.sqrt(Math.max(1, fs.length)),
  }));
  const model = prune(trainLogistic(sparse, labels, vocab.length, tags, o.train), o.pruneEpsilon, o.decimals);
  const f = 10 ** o.decimals;
  const weights: Record<string, number[]> = {};
  vocab.forEach((feature, k) => {
    const run: number[] = [];
    model.weights.forEach((w, t) => {
      // Float32 → decimal: round again so the file holds 1.7, not 1.7000000476837158.
      const v = Math.round((w[k] ?? 0) * f) / f;
      if (v !== 0) run.push(t, v);
    });
    if (run.length) weights[feature] = run;
  });
  return { weights, bias: [...model.bias].map((b) => Math.round(b * 100) / 100) };
}
