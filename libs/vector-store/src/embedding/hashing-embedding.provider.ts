import { extractFeatures } from '@smartdesk/nlp';
import type { EmbeddingProvider } from './embedding-provider';

/**
 * Offline default: the words, word pairs and in-word character n-grams of a text, hashed into a
 * fixed number of signed buckets (the "hashing trick"), with sublinear term frequency and L2
 * normalisation. No model download, deterministic, language-agnostic, about 20 µs per chunk.
 */
export class HashingEmbeddingProvider implements EmbeddingProvider {
  readonly id = 'hashing-v1';
  /** Mean cosine of pairs of unrelated English requests (different CLINC150 intents). */
  readonly unrelatedSimilarity = 0.04;

  constructor(readonly dimension = 768) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const counts = new Map<string, number>();
    for (const feature of extractFeatures(text)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const vector = new Float64Array(this.dimension);
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      // Character n-grams are many and weak; words and word pairs carry the topic.
      const kind = feature.charCodeAt(0) === 99 /* c */ ? 0.35 : 1;
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimension] += sign * kind * (1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (value) => value / norm);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
