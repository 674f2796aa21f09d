import type { PreparedQuery } from './similar-query.js';
import { CandidateHeap, TopK } from './top-k.js';

/** What the top-k search reads from the index; arrays are used in place for speed. */
export interface SearchContext {
  readonly acc: Float32Array;
  readonly touched: Int32Array;
  readonly live: Uint8Array;
  readonly slots: Int32Array;
  /** Stored impacts, in steps of `scale`, each within one step of the exact impact (see postings.ts). */
  readonly impacts: Uint16Array;
  readonly scale: number;
  /** Slots in use, live or not: every list entry is below it. */
  readonly capacity: number;
  /** Mean number of distinct terms per ticket: the cost of scoring one candidate exactly. */
  readonly termsPerDoc: number;
  count(term: number): number;
  /** The most one unit of query weight on a term can add to a ticket's score (see PostingArena.maxImpact). */
  maxImpact(term: number): number;
  head(term: number): number;
  ref(slot: number): number;
  exact(slot: number): number;
  /** Whether a ticket may be suggested at all (it shares enough of the query). */
  eligible(slot: number): boolean;
}

/**
 * Exact top-k by MaxScore, term at a time, one stretch of slots at a time.
 *
 * Terms are read strongest first (by what their lists' largest impact lets
 * them add). The bar a ticket must be able to reach is the relevance floor,
 * the k-th best partial sum, or the k-th best exact score of the partial
 * leaders, whichever is highest. While the terms not read yet could lift an
 * unseen ticket to it, a term creates candidates (a ticket is not created
 * when that entry and the later terms could not); the others only add to
 * existing candidates.
 *
 * Every term is read for one stretch of slots before the next, so the
 * partial sums of a stretch sit in a small array that stays in the
 * processor's cache, instead of all over one float per ticket. After the
 * creating terms, the stretch's candidates are narrowed before each further
 * term to those its bound still lets reach the bar, and the term is read for
 * them, either by scanning the stretch's part of its list or by galloping to
 * each candidate, whichever is cheaper, or the stretch stops when scoring
 * its candidates exactly costs less than reading on. A ticket still sees its
 * terms in the same order, which is all the creation rule relies on. Each
 * candidate leaves its stretch with its bound (its partial sum and what the
 * terms it skipped could add) in `acc`; candidates are finally scored
 * exactly, highest bound first, stopping as soon as the rest cannot win.
 * `acc` must be all zero on entry and is left all zero.
 */
/** Partial leaders scored exactly after each stretch, per result asked for. */
const LEADERS = 4;
/** Slots per stretch. */
const STRETCH = 1 << 14;
/** Before a list this many times shorter than the candidates, narrowing them costs more than the reading it saves. */
const NARROW = 0.25;
/** One stretch's partial sums (64 KB), all zero between searches; searches run one at a time. */
const local = new Float32Array(STRETCH);

export function searchTopK(ctx: SearchContext, q: PreparedQuery, limit: number, floor: number, excluded: ReadonlySet<number>): { slot: number; score: number }[] {
  const { acc, touched, live, slots, impacts } = ctx;
  const top = new TopK(limit, ctx.ref);
  /** The best partial sums, more of them than results: their exact scores set the bar. */
  const leaders = new TopK(limit * LEADERS, ctx.ref);
  const anyExcluded = excluded.size > 0;
  let theta = 0;
  /** Whether the leaders changed since they were last scored. */
  let offered = false;
  // What a ticket must be able to reach: the floor, the k-th best partial
  // sum, and the k-th best exact score of the leaders scored so far.
  let bar = floor;
  let nTouched = 0;
  const terms = q.terms.length;
  // Bounds from each list's largest impact, far below the saturation
  // ceiling for most terms: candidate creation stops much sooner. Terms are
  // read in the order of what they can add; the result does not depend on it.
  const order = Array.from({ length: terms }, (_, i) => ({ term: q.terms[i] ?? 0, weight: q.weights[i] ?? 0, most: (q.weights[i] ?? 0) * ctx.maxImpact(q.terms[i] ?? 0) })).sort(
    (a, b) => b.most - a.most || a.term - b.term,
  );
  const reach = new Float64Array(terms + 1);
  for (let i = terms - 1; i >= 0; i--) reach[i] = (reach[i + 1] ?? 0) + (order[i]?.most ?? 0);

  // Partial sums are float32 sums of impacts each within a step of the
  // exact one, so they may be off either way by the rounding of every term
  // (twice: the sum and the bar it is compared with may both be off). The
  // slack keeps every ticket whose exact score could reach the bar.
  let weights = 0;
  for (let i = 0; i < terms; i++) weights += q.weights[i] ?? 0;
  const slack = q.best * 1e-5 + 2 * weights * ctx.scale;

  // Where each term's list has been read up to: the block (-1 when read to
  // the end), the next entry, the end of the block's entries, and the
  // entries in the blocks after it.
  const cursorBlock = new Int32Array(terms);
  const cursorAt = new Int32Array(terms);
  const cursorEnd = new Int32Array(terms);
  const cursorLeft = new Int32Array(terms);
  for (let j = 0; j < terms; j++) {
    const term = order[j]?.term ?? 0;
    const count = ctx.count(term);
    const head = count > 0 ? ctx.head(term) : -1;
    cursorBlock[j] = head;
    if (head < 0) continue;
    const size = Math.min(slots[head + 1] ?? 0, count);
    cursorAt[j] = head + 2;
    cursorEnd[j] = head + 2 + size;
    cursorLeft[j] = count - size;
  }

  /**
   * Moves term j's cursor to its first entry at or after `slot`: blocks
   * that end before it are skipped whole, then it gallops and halves.
   * Returns the entry's index, or -1 when the list holds none.
   */
  const seek = (j: number, slot: number): number => {
    let block = cursorBlock[j] ?? -1;
    if (block < 0) return -1;
    let lo = cursorAt[j] ?? 0;
    let end = cursorEnd[j] ?? 0;
    let left = cursorLeft[j] ?? 0;
    while (lo >= end || (slots[end - 1] ?? 0) < slot) {
      block = left > 0 ? (slots[block] ?? -1) : -1;
      if (block < 0) {
        cursorBlock[j] = -1;
        return -1;
      }
      const size = Math.min(slots[block + 1] ?? 0, left);
      lo = block + 2;
      end = lo + size;
      left -= size;
    }
    let hi = lo;
    if ((slots[lo] ?? 0) < slot) {
      // slots[end - 1] >= slot.
      let low = lo;
      let step = 1;
      hi = lo + 1;
      while (hi < end - 1 && (slots[hi] ?? 0) < slot) {
        low = hi;
        step *= 2;
        hi = Math.min(end - 1, low + step);
      }
      while (hi - low > 1) {
        const mid = (low + hi) >> 1;
        if ((slots[mid] ?? 0) < slot) low = mid;
        else hi = mid;
      }
    }
    cursorBlock[j] = block;
    cursorAt[j] = hi;
    cursorEnd[j] = end;
    cursorLeft[j] = left;
    return hi;
  };

  /** Offers a live candidate's new partial sum to the leaders and the partial top-k (which may raise the bar). */
  const offer = (slot: number, now: number): void => {
    if (live[slot] !== 1 || (anyExcluded && excluded.has(slot))) return;
    leaders.offer(slot, now);
    offered = true;
    if (now > theta) {
      top.offer(slot, now);
      theta = top.threshold;
      if (theta > bar) bar = theta;
    }
  };

  /**
   * Adds term j's entries in the stretch from `from` to `upTo` to its
   * partial sums. With `create`, a ticket not seen yet becomes a candidate
   * only if this entry and every later term could lift it to the bar: one
   * skipped can never reach it, so whatever later terms add to it, it stays
   * below (its exact score decides, if it is scored).
   */
  const read = (j: number, create: boolean, from: number, upTo: number): void => {
    if ((cursorBlock[j] ?? -1) < 0) return;
    // A list read only for earlier stretches' candidates may lag behind.
    const at = cursorAt[j] ?? 0;
    if ((at >= (cursorEnd[j] ?? 0) || (slots[at] ?? 0) < from) && seek(j, from) < 0) return;
    let block = cursorBlock[j] ?? -1;
    const weight = (order[j]?.weight ?? 0) * ctx.scale;
    const later = (reach[j + 1] ?? 0) + slack;
    // Locals in the hot loop, written back at the end.
    let lead = leaders.threshold;
    let b = bar;
    let n = nTouched;
    let i = cursorAt[j] ?? 0;
    let end = cursorEnd[j] ?? 0;
    let left = cursorLeft[j] ?? 0;
    scan: for (;;) {
      for (; i < end; i++) {
        const slot = slots[i] ?? 0;
        if (slot >= upTo) break scan;
        const before = local[slot - from] ?? 0;
        const add = weight * (impacts[i] ?? 0);
        if (before === 0) {
          if (!create || add + later < b) continue;
          touched[n++] = slot;
        }
        const now = before + add;
        local[slot - from] = now;
        if (now > lead) {
          offer(slot, now);
          lead = leaders.threshold;
          b = bar;
        }
      }
      block = left > 0 ? (slots[block] ?? -1) : -1;
      if (block < 0) break;
      const size = Math.min(slots[block + 1] ?? 0, left);
      i = block + 2;
      end = i + size;
      left -= size;
    }
    cursorBlock[j] = block;
    cursorAt[j] = i;
    cursorEnd[j] = end;
    cursorLeft[j] = left;
    nTouched = n;
  };

  /** Adds term j to the partial sums of the stretch's candidates `touched[first …]`, in ascending slot order, each looked up by {@link seek}. */
  const probe = (j: number, from: number, first: number): void => {
    const weight = (order[j]?.weight ?? 0) * ctx.scale;
    let lead = leaders.threshold;
    for (let c = first; c < nTouched; c++) {
      const slot = touched[c] ?? 0;
      const i = seek(j, slot);
      if (i < 0) break;
      if (slots[i] !== slot) continue;
      cursorAt[j] = i + 1;
      const now = (local[slot - from] ?? 0) + weight * (impacts[i] ?? 0);
      local[slot - from] = now;
      if (now > lead) {
        offer(slot, now);
        lead = leaders.threshold;
      }
    }
  };

  /** Keeps the stretch's candidates whose partial sum and `rest` reach the bar; the others' sums are cleared (later terms skip them). */
  const narrow = (first: number, from: number, rest: number): void => {
    const least = bar - rest;
    const end = nTouched;
    let kept = first;
    for (let c = first; c < end; c++) {
      const slot = touched[c] ?? 0;
      const at = slot - from;
      if ((local[at] ?? 0) >= least) touched[kept++] = slot;
      else local[at] = 0;
    }
    nTouched = kept;
  };

  // The partial leaders' exact scores (a few term lists) raise the bar far
  // sooner than partial sums do: a lower bound of the k-th best result.
  const known = new TopK(limit, ctx.ref);
  const scored = new Set<number>();
  const raise = (): void => {
    if (!offered) return;
    offered = false;
    for (const e of leaders.entries()) {
      if (scored.has(e.slot)) continue;
      scored.add(e.slot);
      const score = ctx.exact(e.slot);
      if (score >= floor && ctx.eligible(e.slot)) known.offer(e.slot, score);
    }
    if (known.threshold > bar) bar = known.threshold;
  };

  /** Entries of a list expected in one stretch. */
  const share = STRETCH / Math.max(STRETCH, ctx.capacity);
  // Terms 0 … creating-1 may still create candidates; stretches go on
  // until all of them are read to the end.
  let creating = terms;
  for (let from = 0; creating > 0; from += STRETCH) {
    const upTo = from + STRETCH;
    const first = nTouched;
    let open = false;
    for (let j = 0; j < creating; j++) {
      if ((reach[j] ?? 0) + slack < bar) {
        creating = j;
        break;
      }
      read(j, true, from, upTo);
      if ((cursorBlock[j] ?? -1) >= 0) open = true;
    }
    let j = creating;
    let sorted = false;
    for (; j < terms; j++) {
      // Narrowing costs a pass over the candidates: only worth it before a
      // list longer than that (a shorter one is simply scanned).
      const scanning = ctx.count(order[j]?.term ?? 0) * share;
      if (scanning > (nTouched - first) * NARROW) narrow(first, from, (reach[j] ?? 0) + slack);
      const n = nTouched - first;
      if (n === 0) break;
      const probing = n * (2 + Math.log2(1 + scanning / n));
      if (n * ctx.termsPerDoc <= Math.min(scanning, probing)) break;
      if (probing < scanning) {
        if (!sorted) {
          touched.subarray(first, nTouched).sort();
          sorted = true;
        }
        probe(j, from, first);
      } else {
        read(j, false, from, upTo);
      }
    }
    // Each candidate still in contention leaves with its bound: terms from
    // j on were not read for it.
    const rest = (reach[j] ?? 0) + slack;
    let kept = first;
    for (let c = first; c < nTouched; c++) {
      const slot = touched[c] ?? 0;
      const bound = (local[slot - from] ?? 0) + rest;
      local[slot - from] = 0;
      if (bound >= bar && live[slot] === 1) {
        acc[slot] = bound;
        touched[kept++] = slot;
      }
    }
    nTouched = kept;
    raise();
    if (!open) break;
  }

  const candidates = new CandidateHeap(acc);
  for (let i = 0; i < nTouched; i++) {
    const slot = touched[i] ?? 0;
    if (!anyExcluded || !excluded.has(slot)) candidates.push(slot);
  }
  const final = new TopK(limit, ctx.ref);
  for (let slot = candidates.pop(); slot >= 0; slot = candidates.pop()) {
    if ((acc[slot] ?? 0) < Math.max(floor, final.threshold)) break;
    const score = ctx.exact(slot);
    if (score >= floor && ctx.eligible(slot)) final.offer(slot, score);
  }
  for (let i = 0; i < nTouched; i++) acc[touched[i] ?? 0] = 0;
  return final.entries();
}
