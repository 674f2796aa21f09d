/**
 * Posting lists of many terms in two shared typed arrays.
 *
 * A list is a chain of blocks carved from one arena, so 100,000 documents
 * and their vocabulary cost two flat buffers instead of a JS object per
 * term. Block `o` keeps the next block's offset in `slots[o]` (-1 at the
 * end) and its capacity in `impacts[o]`; its entries (document slot and
 * precomputed BM25F impact) sit at `o + 1 … o + capacity`. A rebuild lays
 * every list out as one exact-size block; later additions chain blocks that
 * double (2, 4 … 1,024 entries). Entries are in ascending slot order.
 */
const FIRST_BLOCK = 2;
const MAX_BLOCK = 1024;
const NONE = -1;

export class PostingArena {
  private slots = new Int32Array(1 << 12);
  private impactArena = new Float32Array(1 << 12);
  private used = 0;
  private heads = new Int32Array(1 << 10).fill(NONE);
  private tails = new Int32Array(1 << 10).fill(NONE);
  private tailUsed = new Int32Array(1 << 10);
  private counts = new Int32Array(1 << 10);
  private terms = 0;
  private total = 0;

  /** Entries (live or not) in a term's list. */
  count(term: number): number {
    return term < this.terms ? (this.counts[term] ?? 0) : 0;
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

  get impacts(): Float32Array {
    return this.impactArena;
  }

  /** Appends an entry; `slot` must be larger than any slot already in the term's list. */
  append(term: number, slot: number, impact: number): void {
    this.ensureTerms(term + 1);
    let block = this.tails[term] ?? NONE;
    let used = this.tailUsed[term] ?? 0;
    if (block === NONE || used === (this.impactArena[block] ?? 0)) {
      const capacity = block === NONE ? FIRST_BLOCK : Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, (this.impactArena[block] ?? 0) * 2));
      const next = this.allocate(capacity);
      if (block === NONE) this.heads[term] = next;
      else this.slots[block] = next;
      block = next;
      used = 0;
      this.tails[term] = block;
    }
    this.slots[block + 1 + used] = slot;
    this.impactArena[block + 1 + used] = impact;
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
    this.slots = new Int32Array(total + this.terms);
    this.impactArena = new Float32Array(total + this.terms);
    this.used = 0;
    this.total = total;
    const cursor = this.tailUsed;
    for (let t = 0; t < this.terms; t++) {
      const n = counts[t] ?? 0;
      this.counts[t] = n;
      cursor[t] = 0;
      if (n === 0) {
        this.heads[t] = NONE;
        this.tails[t] = NONE;
        continue;
      }
      const block = this.allocate(n);
      this.heads[t] = block;
      this.tails[t] = block;
    }
    each((term, slot, impact) => {
      const at = (this.heads[term] ?? 0) + 1 + (cursor[term] ?? 0);
      this.slots[at] = slot;
      this.impactArena[at] = impact;
      cursor[term] = (cursor[term] ?? 0) + 1;
    });
  }

  private allocate(capacity: number): number {
    const need = this.used + capacity + 1;
    if (need > this.slots.length) {
      const size = Math.max(need, Math.ceil(this.slots.length * 1.5));
      const slots = new Int32Array(size);
      slots.set(this.slots.subarray(0, this.used));
      const impacts = new Float32Array(size);
      impacts.set(this.impactArena.subarray(0, this.used));
      this.slots = slots;
      this.impactArena = impacts;
    }
    const block = this.used;
    this.slots[block] = NONE;
    this.impactArena[block] = capacity;
    this.used = need;
    return block;
  }

  private ensureTerms(n: number): void {
    if (n > this.terms) this.terms = n;
    if (n <= this.heads.length) return;
    const size = Math.max(n, this.heads.length * 2);
    this.heads = grow(this.heads, size, NONE);
    this.tails = grow(this.tails, size, NONE);
    this.tailUsed = grow(this.tailUsed, size, 0);
    this.counts = grow(this.counts, size, 0);
  }
}

function grow(a: Int32Array, size: number, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size).fill(fill);
  b.set(a);
  return b;
}
