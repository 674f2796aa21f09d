import type { SimilarTicketIndex } from '../../core/index.js';
import type { RetrievalLine } from './jsonl.js';

/** Candidate id → score, per query id. */
export type QueryScores = Map<string, Map<string, number>>;

export interface RankingMetrics {
  readonly queries: number;
  /** Queries with at least one relevant candidate. */
  readonly answerable: number;
  readonly map: number;
  readonly mrr: number;
  readonly p1: number;
}

/**
 * Indexes every candidate of the file as a resolved ticket (title, body as
 * description, no resolution), then asks the index for the score of each
 * query's own candidates — the same `score()` the product's ranking uses.
 */
export async function scoreWithIndex(rows: readonly RetrievalLine[], index: SimilarTicketIndex): Promise<QueryScores> {
  let ref = 0;
  for (const row of rows) {
    for (const c of row.candidates) {
      ref += 1;
      await index.add({ ticketId: c.id, ref, title: c.title, description: c.body, resolution: '' });
    }
  }
  const out: QueryScores = new Map();
  for (const row of rows) {
    const scores = await index.score({ title: row.query.title, description: row.query.body }, row.candidates.map((c) => c.id));
    out.set(row.query_id, new Map(row.candidates.map((c) => [c.id, scores.get(c.id) ?? 0])));
  }
  return out;
}

/** Average precision of a ranking given as relevance flags in rank order; 0 when nothing is relevant. */
export function averagePrecision(ranked: readonly boolean[]): number {
  let hits = 0;
  let sum = 0;
  ranked.forEach((relevant, i) => {
    if (!relevant) return;
    hits += 1;
    sum += hits / (i + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

/**
 * MAP, MRR and P@1 over every query of the file (AP, RR and P@1 are 0 for a
 * query without a relevant candidate). Candidates are ranked by score, ties
 * kept in file order so two engines are compared on equal terms.
 */
export function rankingMetrics(rows: readonly RetrievalLine[], scores: QueryScores): RankingMetrics {
  let map = 0;
  let mrr = 0;
  let p1 = 0;
  let answerable = 0;
  for (const row of rows) {
    const byId = scores.get(row.query_id);
    const ranked = row.candidates
      .map((c, i) => ({ relevant: c.relevant === true, score: byId?.get(c.id) ?? 0, i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((c) => c.relevant);
    const first = ranked.indexOf(true);
    if (first >= 0) answerable += 1;
    map += averagePrecision(ranked);
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    p1 += ranked[0] === true ? 1 : 0;
  }
  const n = Math.max(1, rows.length);
  return { queries: rows.length, answerable, map: map / n, mrr: mrr / n, p1: p1 / n };
}

const PLAIN_SPLIT = /[^\p{L}\p{N}]+/u;

function plainTokens(text: string): string[] {
  return text.toLowerCase().split(PLAIN_SPLIT).filter((t) => t !== '');
}

/**
 * The reference point: plain Okapi BM25 (k1 = 1.2, b = 0.75) over title and
 * body as one field, lowercase word tokens, no stopwords or stemming, with
 * statistics over all candidates of the file.
 */
export function bm25Baseline(rows: readonly RetrievalLine[], k1 = 1.2, b = 0.75): QueryScores {
  const docs = new Map<string, { tf: Map<string, number>; length: number }>();
  for (const row of rows) {
    for (const c of row.candidates) {
      const tokens = plainTokens(`${c.title} ${c.body}`);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      docs.set(c.id, { tf, length: tokens.length });
    }
  }
  const df = new Map<string, number>();
  let total = 0;
  for (const d of docs.values()) {
    total += d.length;
    for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = docs.size;
  const avg = n ? total / n : 1;
  const out: QueryScores = new Map();
  for (const row of rows) {
    const query = plainTokens(`${row.query.title} ${row.query.body}`);
    const scores = new Map<string, number>();
    for (const c of row.candidates) {
      const d = docs.get(c.id);
      let s = 0;
      for (const t of query) {
        const f = d?.tf.get(t) ?? 0;
        if (!d || f === 0) continue;
        const m = df.get(t) ?? 0;
        const idf = Math.log(1 + (n - m + 0.5) / (m + 0.5));
        s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / avg));
      }
      scores.set(c.id, s);
    }
    out.set(row.query_id, scores);
  }
  return out;
}
