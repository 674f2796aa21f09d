/**
 * BM25F arithmetic shared by the similar-ticket index's two scoring paths
 * (posting-list accumulation and exact per-document scoring), so both give
 * the same number for the same document.
 */

/**
 * Bit offsets of the title, description and resolution counts packed in one
 * 15-bit payload (16 bits a term of a ticket, a million tickets' worth of
 * memory). A field counts a term at most 31 times: saturation has long
 * flattened by then (31 occurrences score within 3% of a hundred).
 */
export const DESCRIPTION_SHIFT = 5;
export const RESOLUTION_SHIFT = 10;
export const COUNT_MASK = 31;
const FIELDS = 3;

export interface FieldWeights {
  readonly title: number;
  readonly description: number;
  readonly resolution: number;
}

/** Average lengths may drift this much (relative) before every impact is recomputed. */
const DRIFT = 0.01;

/**
 * Per-document field factors `weight / (1 - b + b·length/average)`, kept
 * in one Float32Array, and the saturation `f·(k1+1)/(f+k1)` of a posting's
 * pseudo-frequency `f = Σ count·factor`. The averages are a snapshot: the
 * index precomputes every posting's impact with it and recomputes them all
 * only when the real averages drift more than 1% from it, which on a large
 * index almost never happens (one ticket moves them by a hundred-thousandth).
 */
export class Bm25f {
  /** Field factors of slot `s` at `3s`, `3s+1`, `3s+2`. */
  factors = new Float32Array(1024 * FIELDS);
  private readonly snapshot = [0, 0, 0];
  private computed = 0;

  constructor(
    readonly k1: number,
    private readonly b: number,
    private readonly weights: FieldWeights,
  ) {}

  /** The largest value {@link saturate} can return; a query term's weight times this bounds its contribution. */
  get bound(): number {
    return this.k1 + 1;
  }

  /** The averages every computed factor (and so every stored impact) uses. */
  get averages(): [number, number, number] {
    return [this.snapshot[0] ?? 0, this.snapshot[1] ?? 0, this.snapshot[2] ?? 0];
  }

  /** True when `averages` moved more than 1% from the snapshot (or there is none yet). */
  drifted(averages: readonly [number, number, number]): boolean {
    return averages.some((a, f) => {
      const s = this.snapshot[f] ?? 0;
      return s === 0 || Math.abs(a - s) > DRIFT * s;
    });
  }

  /** Adopts new averages and recomputes the factors of slots `0 … slots-1`. */
  rebase(lengths: Uint16Array, slots: number, averages: readonly [number, number, number]): void {
    averages.forEach((a, f) => (this.snapshot[f] = a));
    this.computed = 0;
    this.extend(lengths, slots);
  }

  /** Computes factors for slots not computed yet, with the snapshot averages. */
  extend(lengths: Uint16Array, slots: number): void {
    if (slots * FIELDS > this.factors.length) {
      const next = new Float32Array(Math.max(slots * FIELDS, this.factors.length * 2));
      next.set(this.factors.subarray(0, this.computed * FIELDS));
      this.factors = next;
    }
    const w = [this.weights.title, this.weights.description, this.weights.resolution];
    for (let s = this.computed; s < slots; s++) {
      for (let f = 0; f < FIELDS; f++) {
        const len = lengths[s * FIELDS + f] ?? 0;
        this.factors[s * FIELDS + f] = (w[f] ?? 0) / (1 - this.b + (this.b * len) / (this.snapshot[f] || 1));
      }
    }
    this.computed = Math.max(this.computed, slots);
  }

  /** Forgets computed factors (slots were renumbered); call {@link extend} next. */
  invalidate(): void {
    this.computed = 0;
  }

  /** Saturated pseudo-frequency of a posting with `payload` counts in document `slot`. */
  saturate(payload: number, slot: number): number {
    const base = slot * FIELDS;
    const factors = this.factors;
    const f =
      (payload & COUNT_MASK) * (factors[base] ?? 0) +
      ((payload >>> DESCRIPTION_SHIFT) & COUNT_MASK) * (factors[base + 1] ?? 0) +
      ((payload >>> RESOLUTION_SHIFT) & COUNT_MASK) * (factors[base + 2] ?? 0);
    return f === 0 ? 0 : (f * (this.k1 + 1)) / (f + this.k1);
  }
}
