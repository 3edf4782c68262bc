/** Turns texts into vectors. Each provider's vectors live in their own Chroma collection. */
export interface EmbeddingProvider {
  /** Stable id naming the collection, e.g. `hashing-v1`: change it when vectors change meaning. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<number[][]>;
}

export const EMBEDDING_PROVIDER = Symbol('EMBEDDING_PROVIDER');
