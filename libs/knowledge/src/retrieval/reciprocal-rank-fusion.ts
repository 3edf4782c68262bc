/** The usual RRF constant (Cormack et al., 2009): damps the difference between the very first ranks. */
export const RRF_K = 60;

export interface Ranking {
  /** Ids, best first. */
  ids: string[];
  weight?: number;
}

/**
 * Reciprocal rank fusion: each ranking gives a document weight / (k + rank). Needs no score
 * calibration between the rankings (cosine similarities and BM25 scores are not comparable).
 */
export function reciprocalRankFusion(rankings: Ranking[], k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const { ids, weight = 1 } of rankings) {
    ids.forEach((id, index) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return fused;
}
