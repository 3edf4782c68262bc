import { STOPWORDS } from '../text/stopwords';
import { pivotTokens } from '../language/cross-lingual/english-pivot';

/** Sparse, L2-normalised feature vector: feature index → weight. */
export type SparseVector = Map<number, number>;

/**
 * TF-IDF over word unigrams, word bigrams and character 3–5-grams inside words.
 * Character n-grams catch typos and inflections ("refunded" ~ "refund", "pasword" ~ "password").
 */
export class TfidfVectorizer {
  private readonly vocabulary = new Map<string, number>();
  private readonly features: string[] = [];
  private idf: Float64Array = new Float64Array(0);

  fit(texts: string[]): this {
    const documentFrequency: number[] = [];
    for (const text of texts) {
      for (const feature of new Set(extractFeatures(text))) {
        let index = this.vocabulary.get(feature);
        if (index === undefined) {
          index = this.features.push(feature) - 1;
          this.vocabulary.set(feature, index);
          documentFrequency.push(0);
        }
        documentFrequency[index]++;
      }
    }
    this.idf = Float64Array.from(documentFrequency, (df) => Math.log((1 + texts.length) / (1 + df)) + 1);
    return this;
  }

  transform(text: string): SparseVector {
    const counts = new Map<number, number>();
    for (const feature of extractFeatures(text)) {
      const index = this.vocabulary.get(feature);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    let norm = 0;
    for (const [index, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf[index];
      counts.set(index, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [index, weight] of counts) counts.set(index, weight / norm);
    return counts;
  }

  /** Features in the vocabulary. */
  get size(): number {
    return this.features.length;
  }

  featureName(index: number): string {
    return this.features[index];
  }
}

export function extractFeatures(text: string): string[] {
  const tokens = pivotTokens(text);
  const features: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const content = !STOPWORDS.has(token);
    if (content) features.push(`w:${token}`);
    if (content && i + 1 < tokens.length && !STOPWORDS.has(tokens[i + 1])) features.push(`b:${token} ${tokens[i + 1]}`);
    const padded = ` ${token} `;
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= padded.length; start++) features.push(`c:${padded.slice(start, start + n)}`);
    }
  }
  return features;
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [index, weight] of small) {
    const other = large.get(index);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/** Mean of vectors, re-normalised: a class centroid. */
export function centroid(vectors: SparseVector[]): SparseVector {
  const sum: SparseVector = new Map();
  for (const vector of vectors) for (const [index, weight] of vector) sum.set(index, (sum.get(index) ?? 0) + weight);
  let norm = 0;
  for (const weight of sum.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (const [index, weight] of sum) sum.set(index, weight / norm);
  return sum;
}
