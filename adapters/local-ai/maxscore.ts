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
 * Exact top-k by MaxScore, term at a time. Terms are read strongest
 * first (by what their lists' largest impact lets them add). The bar a
 * ticket must be able to reach is the relevance floor, the k-th best
 * partial sum, or the k-th best exact score of the partial leaders, scored
 * after every term, whichever is highest. Once the unread terms together
 * could not lift an unseen ticket to it, no new candidates are created (and
 * within a term, a ticket is not created when that entry and the later
 * terms could not). Each further term is then either read for the existing
 * candidates or skipped, whichever is cheaper: reading costs its posting
 * count, skipping costs an exact scoring of every candidate still in
 * contention. Candidates are finally scored exactly, best partial first,
 * stopping as soon as the rest cannot win. `acc` must be all zero on entry
 * and is left all zero.
 */
/** Partial leaders scored exactly after each term, per result asked for. */
const LEADERS = 4;

export function searchTopK(ctx: SearchContext, q: PreparedQuery, limit: number, floor: number, excluded: ReadonlySet<number>): { slot: number; score: number }[] {
  const { acc, touched, live, slots, impacts } = ctx;
  const top = new TopK(limit, ctx.ref);
  /** The best partial sums, more of them than results: their exact scores set the bar. */
  const leaders = new TopK(limit * LEADERS, ctx.ref);
  let theta = 0;
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

  /**
   * Adds term j to the partial sums. With `create`, a ticket not seen yet
   * becomes a candidate only if this entry and every later term could lift
   * it to the bar: one skipped can never reach it, so whatever later terms
   * add to it, it stays below (its exact score decides, if it is scored).
   */
  const read = (j: number, create: boolean): void => {
    const weight = (order[j]?.weight ?? 0) * ctx.scale;
    const term = order[j]?.term ?? 0;
    const later = (reach[j + 1] ?? 0) + slack;
    const anyExcluded = excluded.size > 0;
    // Locals in the hot loop, written back at the end.
    let t = theta;
    let lead = leaders.threshold;
    let b = bar;
    let n = nTouched;
    let remaining = ctx.count(term);
    let block = ctx.head(term);
    while (remaining > 0 && block >= 0) {
      const size = Math.min(slots[block + 1] ?? 0, remaining);
      for (let i = block + 2, end = block + 2 + size; i < end; i++) {
        const slot = slots[i] ?? 0;
        const before = acc[slot] ?? 0;
        const add = weight * (impacts[i] ?? 0);
        if (before === 0) {
          // Only live tickets become candidates, so one with a partial sum is live.
          if (!create || add + later < b || live[slot] !== 1) continue;
          touched[n++] = slot;
        }
        const now = before + add;
        acc[slot] = now;
        if (now > lead && (!anyExcluded || !excluded.has(slot))) {
          leaders.offer(slot, now);
          lead = leaders.threshold;
          if (now > t) {
            top.offer(slot, now);
            t = top.threshold;
            if (t > b) b = t;
          }
        }
      }
      remaining -= size;
      block = slots[block] ?? -1;
    }
    theta = t;
    bar = b;
    nTouched = n;
  };

  // The partial leaders' exact scores (a few term lists) raise the bar far
  // sooner than partial sums do: a lower bound of the k-th best result.
  const known = new TopK(limit, ctx.ref);
  const scored = new Set<number>();
  const raise = (): void => {
    for (const e of leaders.entries()) {
      if (scored.has(e.slot)) continue;
      scored.add(e.slot);
      const score = ctx.exact(e.slot);
      if (score >= floor && ctx.eligible(e.slot)) known.offer(e.slot, score);
    }
    if (known.threshold > bar) bar = known.threshold;
  };

  let j = 0;
  for (; j < terms; j++) {
    if (j > 0 && (reach[j] ?? 0) + slack < bar) break;
    read(j, true);
    raise();
  }
  // The touched tickets still in contention, narrowed before every further
  // term: one out of it stays out (its bound only falls), so its partial sum
  // is cleared right away and later terms skip it. Counting contenders over
  // every touched ticket per term instead costs more than the reading at a
  // million tickets.
  const narrow = (rest: number): void => {
    let kept = 0;
    for (let i = 0; i < nTouched; i++) {
      const slot = touched[i] ?? 0;
      if ((acc[slot] ?? 0) + rest >= bar) touched[kept++] = slot;
      else acc[slot] = 0;
    }
    nTouched = kept;
  };
  for (; j < terms; j++) {
    narrow((reach[j] ?? 0) + slack);
    if (nTouched * ctx.termsPerDoc <= ctx.count(order[j]?.term ?? 0)) break;
    read(j, false);
    raise();
  }
  const rest = (reach[j] ?? 0) + slack;
  narrow(rest);

  const candidates = new CandidateHeap(acc);
  for (let i = 0; i < nTouched; i++) {
    const slot = touched[i] ?? 0;
    if (excluded.size === 0 || !excluded.has(slot)) candidates.push(slot);
  }
  const final = new TopK(limit, ctx.ref);
  for (let slot = candidates.pop(); slot >= 0; slot = candidates.pop()) {
    if ((acc[slot] ?? 0) + rest < Math.max(floor, final.threshold)) break;
    const score = ctx.exact(slot);
    if (score >= floor && ctx.eligible(slot)) final.offer(slot, score);
  }
  for (let i = 0; i < nTouched; i++) acc[touched[i] ?? 0] = 0;
  return final.entries();
}
