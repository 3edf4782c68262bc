/**
 * A text as a dense unit vector of meaning (e.g. SIF-weighted word vectors), so "my card hasn't come"
 * and "still waiting for the new card" meet though they share no content word. Injected by the app
 * that has one loaded: libs/nlp holds no word vectors of its own.
 */
export interface SentenceEncoder {
  /** Names the vectors: a model trained with one encoder only restores with the same one. */
  readonly id: string;
  readonly dimension: number;
  /** A unit vector, or all zeros when the encoder knows no word of the text. */
  encode(text: string): Float64Array;
}
