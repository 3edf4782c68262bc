/** Turns texts into vectors. Each provider's vectors live in their own Chroma collection. */
export interface EmbeddingProvider {
  /** Stable id naming the collection, e.g. `hashing-v1`: change it when vectors change meaning. */
  readonly id: string;
  readonly dimension: number;
  /**
   * Typical cosine similarity of two unrelated texts (0 when unknown). Retrieval rescales similarities
   * so that unrelated text scores about 0 whatever the provider, which keeps confidence thresholds meaningful.
   */
  readonly unrelatedSimilarity?: number;
  embed(texts: string[]): Promise<number[][]>;
}

export const EMBEDDING_PROVIDER = Symbol('EMBEDDING_PROVIDER');

/** A provider id from a model name, in the characters Chroma allows in collection names (`openai-text-embedding-3-small`). */
export function modelProviderId(kind: string, model: string): string {
  return `${kind}-${model.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')}`;
}
