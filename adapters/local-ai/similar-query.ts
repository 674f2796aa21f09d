import { editsOne, tokenize } from './text.js';

/** A query ready for scoring: its terms strongest first, with weights and the bound of what the remaining terms can add. */
export interface PreparedQuery {
  readonly terms: Int32Array;
  /** Query-term weight (occurrences × idf). */
  readonly weights: Float64Array;
  /** `remaining[j]`: the most terms j… together can add to any ticket's score; `remaining[terms.length]` is 0. */
  readonly remaining: Float64Array;
  /** The best score the query can reach; scores are divided by it. */
  readonly best: number;
  /** Distinct words of the query text, known to the index or not. */
  readonly words: number;
}

export interface QueryOptions {
  readonly k1: number;
  readonly maxQueryTerms: number;
  readonly typoWeight: number;
}

const TYPO_MIN_LENGTH = 5;
const TYPO_VARIANTS = 3;

/**
 * Turns query text into weighted term ids against the index's vocabulary.
 * A word the index has never seen (a typo, usually) is replaced by up to
 * three indexed words one edit away, at reduced weight — found by map
 * lookups of generated spellings, never by pattern matching.
 */
export class QueryBuilder {
  private weightByTerm = new Float64Array(1024);

  constructor(
    private readonly dict: ReadonlyMap<string, number>,
    private readonly dfOf: (term: number) => number,
    private readonly docCount: () => number,
    private readonly options: QueryOptions,
  ) {}

  prepare(query: { readonly title: string; readonly description: string }): PreparedQuery | null {
    const counts = new Map<string, number>();
    for (const token of tokenize(`${query.title}\n${query.description}`)) counts.set(token, (counts.get(token) ?? 0) + 1);
    const occurrences = new Map<number, number>();
    for (const [token, count] of counts) {
      const term = this.dict.get(token);
      if (term !== undefined && this.dfOf(term) > 0) {
        occurrences.set(term, (occurrences.get(term) ?? 0) + count);
      } else if (token.length >= TYPO_MIN_LENGTH && this.options.typoWeight > 0) {
        for (const variant of this.typoVariants(token)) occurrences.set(variant, (occurrences.get(variant) ?? 0) + count * this.options.typoWeight);
      }
    }
    const ranked = [...occurrences]
      .map(([term, n]) => ({ term, weight: n * this.idf(term) }))
      .sort((a, b) => b.weight - a.weight || a.term - b.term)
      .slice(0, this.options.maxQueryTerms);
    if (ranked.length === 0) return null;
    const bound = this.options.k1 + 1;
    const terms = Int32Array.from(ranked.map((r) => r.term));
    const weights = Float64Array.from(ranked.map((r) => r.weight));
    const remaining = new Float64Array(ranked.length + 1);
    for (let j = ranked.length - 1; j >= 0; j--) remaining[j] = (remaining[j + 1] ?? 0) + (weights[j] ?? 0) * bound;
    this.reserve(Math.max(...ranked.map((r) => r.term)) + 1);
    ranked.forEach((r) => (this.weightByTerm[r.term] = r.weight));
    return { terms, weights, remaining, best: remaining[0] ?? 0, words: counts.size };
  }

  /** The weight of a term in the current prepared query (0 when absent). */
  weightOf(term: number): number {
    return this.weightByTerm[term] ?? 0;
  }

  /** Clears the lookup table a prepared query filled. */
  release(q: PreparedQuery): void {
    for (const term of q.terms) this.weightByTerm[term] = 0;
  }

  private idf(term: number): number {
    const n = this.dfOf(term);
    return Math.log(1 + (this.docCount() - n + 0.5) / (n + 0.5));
  }

  private typoVariants(token: string): number[] {
    const found: { term: number; df: number }[] = [];
    for (const variant of new Set(editsOne(token))) {
      const term = this.dict.get(variant);
      const df = term === undefined ? 0 : this.dfOf(term);
      if (term !== undefined && df > 0) found.push({ term, df });
    }
    return found
      .sort((a, b) => b.df - a.df || a.term - b.term)
      .slice(0, TYPO_VARIANTS)
      .map((f) => f.term);
  }

  private reserve(size: number): void {
    if (size <= this.weightByTerm.length) return;
    const next = new Float64Array(Math.max(size, this.weightByTerm.length * 2));
    next.set(this.weightByTerm);
    this.weightByTerm = next;
  }
}
