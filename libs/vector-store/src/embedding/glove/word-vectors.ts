import type { WordVectorTable } from './wink-embeddings.reader';

/** A word-vector table with a word → row lookup. Rows are in corpus-frequency order (row 0 is the most frequent word). */
export class WordVectors {
  readonly dimension: number;
  readonly vectors: Float32Array;
  private readonly rows = new Map<string, number>();

  constructor(table: WordVectorTable) {
    this.dimension = table.dimension;
    this.vectors = table.vectors;
    table.words.forEach((word, row) => {
      if (word && !this.rows.has(word)) this.rows.set(word, row);
    });
  }

  get size(): number {
    return this.vectors.length / this.dimension;
  }

  /** The word's row, which is also its frequency rank; undefined when the word is unknown. */
  rowOf(word: string): number | undefined {
    return this.rows.get(word);
  }

  /** Adds `weight` × the row's vector to `target`. */
  addTo(target: Float64Array, row: number, weight: number): void {
    const offset = row * this.dimension;
    for (let d = 0; d < this.dimension; d++) target[d] += weight * this.vectors[offset + d];
  }
}
