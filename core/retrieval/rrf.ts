/** The usual RRF constant: damps the weight of the very first ranks. */
export const RRF_K = 60;

/**
 * Reciprocal-rank fusion: each list contributes 1 / (k + rank) for every id
 * it ranks (rank from 1). Scores from different rankers are not comparable
 * (word overlap vs. cosine); ranks are, which is why fusion uses ranks.
 */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = RRF_K): Map<string, number> {
  const scores = new Map<string, number>();
  for (const list of rankings) {
    list.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return scores;
}

/** The best possible fused score with `lists` rankers, for scaling scores into 0..1. */
export function maxFusedScore(lists: number, k = RRF_K): number {
  return lists / (k + 1);
}
