/**
 * Posting lists of many terms in two shared typed arrays.
 *
 * A list is a chain of blocks carved from one arena, so a million documents
 * and their vocabulary cost two flat buffers instead of a JS object per
 * term. Block `o` keeps the next block's offset in `slots[o]` (-1 at the
 * end) and its capacity in `slots[o + 1]`; its entries (document slot and
 * BM25F impact) sit at `o + 2 … o + 1 + capacity`. A rebuild lays every
 * list out as one exact-size block; later additions chain blocks that
 * double (2, 4 … 1,024 entries). Entries are in ascending slot order.
 *
 * An impact (0 … `bound`, the saturation's ceiling) is kept in 16 bits, in
 * steps of {@link PostingArena.scale}, rounded to the nearest step but never
 * to 0: a list entry is 6 bytes instead of 8. Each is within one step of
 * the exact value, which {@link PostingArena.error} bounds for a search;
 * the final scores come from the documents' own term lists, exactly.
 */
import { grownLength, resized } from './arrays.js';
const FIRST_BLOCK = 2;
const MAX_BLOCK = 1024;
const HEADER = 2;
const NONE = -1;
const STEPS = 0xffff;

/** Everything a {@link PostingArena} holds, for a snapshot (views of live storage). */
export interface PostingState {
  readonly slots: Int32Array<ArrayBuffer>;
  readonly impacts: Uint16Array<ArrayBuffer>;
  readonly heads: Int32Array<ArrayBuffer>;
  readonly tails: Int32Array<ArrayBuffer>;
  readonly tailUsed: Int32Array<ArrayBuffer>;
  readonly counts: Int32Array<ArrayBuffer>;
}

export class PostingArena {
  private slots = new Int32Array(1 << 12);
  private impactArena = new Uint16Array(1 << 12);
  private used = 0;
  private heads = new Int32Array(1 << 10).fill(NONE);
  private tails = new Int32Array(1 << 10).fill(NONE);
  private tailUsed = new Int32Array(1 << 10);
  private counts = new Int32Array(1 << 10);
  /** The largest stored impact in each term's list (removals leave it as is: still a bound). */
  private maxSteps = new Uint16Array(1 << 10);
  private terms = 0;
  private total = 0;
  /** What one step of a stored impact is worth. */
  readonly scale: number;

  /** `bound`: the largest impact there can be (BM25's k1 + 1). */
  constructor(bound: number) {
    this.scale = bound / STEPS;
  }

  /** The most a sum of stored impacts, each times its weight, can differ from the exact sum: one step per unit of weight. */
  error(weights: number): number {
    return weights * this.scale;
  }

  /** Entries (live or not) in a term's list. */
  count(term: number): number {
    return term < this.terms ? (this.counts[term] ?? 0) : 0;
  }

  /** At least the exact impact of every entry in a term's list (0 for none): what one occurrence of the term can add, at most. */
  maxImpact(term: number): number {
    const steps = term < this.terms ? (this.maxSteps[term] ?? 0) : 0;
    return steps === 0 ? 0 : (steps + 1) * this.scale;
  }

  /** First block of a term's list, or -1. */
  head(term: number): number {
    return term < this.terms ? (this.heads[term] ?? NONE) : NONE;
  }

  /** Total entries held, for compaction decisions. */
  get entries(): number {
    return this.total;
  }

  /** Bytes of typed-array storage currently allocated. */
  get bytes(): number {
    return this.slots.byteLength + this.impactArena.byteLength + this.heads.byteLength * 4;
  }

  /** Raw arrays for hot loops; see the class comment for the block layout. */
  get rawSlots(): Int32Array {
    return this.slots;
  }

  /** Stored impacts, in steps of {@link scale}. */
  get impacts(): Uint16Array {
    return this.impactArena;
  }

  /** Appends an entry; `slot` must be larger than any slot already in the term's list. */
  append(term: number, slot: number, impact: number): void {
    this.ensureTerms(term + 1);
    let block = this.tails[term] ?? NONE;
    let used = this.tailUsed[term] ?? 0;
    if (block === NONE || used === (this.slots[block + 1] ?? 0)) {
      const capacity = block === NONE ? FIRST_BLOCK : Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, (this.slots[block + 1] ?? 0) * 2));
      const next = this.allocate(capacity, true);
      if (block === NONE) this.heads[term] = next;
      else this.slots[block] = next;
      block = next;
      used = 0;
      this.tails[term] = block;
    }
    const step = this.step(impact);
    this.slots[block + HEADER + used] = slot;
    this.impactArena[block + HEADER + used] = step;
    if (step > (this.maxSteps[term] ?? 0)) this.maxSteps[term] = step;
    this.tailUsed[term] = used + 1;
    this.counts[term] = (this.counts[term] ?? 0) + 1;
    this.total += 1;
  }

  /**
   * Replaces every list. `each(emit)` must call `emit(term, slot, impact)`
   * for every posting in ascending slot order; it is called twice (count,
   * then fill) and must emit the same sequence both times.
   */
  rebuild(termCount: number, each: (emit: (term: number, slot: number, impact: number) => void) => void): void {
    this.ensureTerms(termCount);
    const counts = new Int32Array(this.terms);
    let total = 0;
    each((term) => {
      counts[term] = (counts[term] ?? 0) + 1;
      total += 1;
    });
    let lists = 0;
    for (let t = 0; t < this.terms; t++) if ((counts[t] ?? 0) > 0) lists += 1;
    this.slots = new Int32Array(total + lists * HEADER);
    this.impactArena = new Uint16Array(total + lists * HEADER);
    this.used = 0;
    this.total = total;
    const cursor = this.tailUsed;
    for (let t = 0; t < this.terms; t++) {
      const n = counts[t] ?? 0;
      this.counts[t] = n;
      this.maxSteps[t] = 0;
      cursor[t] = 0;
      if (n === 0) {
        this.heads[t] = NONE;
        this.tails[t] = NONE;
        continue;
      }
      const block = this.allocate(n, false);
      this.heads[t] = block;
      this.tails[t] = block;
    }
    each((term, slot, impact) => {
      const at = (this.heads[term] ?? 0) + HEADER + (cursor[term] ?? 0);
      const step = this.step(impact);
      this.slots[at] = slot;
      this.impactArena[at] = step;
      if (step > (this.maxSteps[term] ?? 0)) this.maxSteps[term] = step;
      cursor[term] = (cursor[term] ?? 0) + 1;
    });
  }

  /** The lists as plain arrays, trimmed to what is used (views of live storage: write them out before the next change). */
  state(): PostingState {
    return {
      slots: this.slots.subarray(0, this.used),
      impacts: this.impactArena.subarray(0, this.used),
      heads: this.heads.subarray(0, this.terms),
      tails: this.tails.subarray(0, this.terms),
      tailUsed: this.tailUsed.subarray(0, this.terms),
      counts: this.counts.subarray(0, this.terms),
    };
  }

  /** An arena holding `state` (taken over, not copied); `termCount` terms may be appended to without growing. */
  static restore(state: PostingState, bound: number, termCount: number): PostingArena {
    const a = new PostingArena(bound);
    a.slots = state.slots;
    a.impactArena = state.impacts;
    a.used = state.slots.length;
    a.terms = state.heads.length;
    a.heads = state.heads;
    a.tails = state.tails;
    a.tailUsed = state.tailUsed;
    a.counts = state.counts;
    a.maxSteps = new Uint16Array(a.terms);
    for (let t = 0; t < a.terms; t++) {
      a.total += a.counts[t] ?? 0;
      let max = 0;
      for (let block = a.heads[t] ?? NONE; block !== NONE; block = a.slots[block] ?? NONE) {
        for (let i = block + HEADER, end = i + (a.slots[block + 1] ?? 0); i < end; i++) if ((a.impactArena[i] ?? 0) > max) max = a.impactArena[i] ?? 0;
      }
      a.maxSteps[t] = max;
    }
    a.ensureTerms(termCount);
    return a;
  }

  private step(impact: number): number {
    return Math.min(STEPS, Math.max(1, Math.round(impact / this.scale)));
  }

  private allocate(capacity: number, grow: boolean): number {
    const need = this.used + capacity + HEADER;
    if (need > this.slots.length) {
      // Growth slack only for additions; a rebuild sized the arrays exactly.
      const size = grow ? grownLength(this.slots.length, need, 1.5) : need;
      this.slots = resized(this.slots, size, this.used);
      this.impactArena = resized(this.impactArena, size, this.used);
    }
    const block = this.used;
    this.slots[block] = NONE;
    this.slots[block + 1] = capacity;
    this.used = need;
    return block;
  }

  private ensureTerms(n: number): void {
    if (n > this.terms) this.terms = n;
    if (n <= this.heads.length) return;
    const size = Math.max(n, this.heads.length * 2);
    this.heads = resized(this.heads, size, undefined, NONE);
    this.tails = resized(this.tails, size, undefined, NONE);
    this.tailUsed = resized(this.tailUsed, size);
    this.counts = resized(this.counts, size);
    this.maxSteps = resized(this.maxSteps, size);
  }
}
