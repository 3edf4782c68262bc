import { lexicalTerms } from './retrieval/lexical-terms';

export interface DuplicateCandidate {
  id: string;
  title: string;
  language: string;
}

export interface NearDuplicatePair {
  a: DuplicateCandidate;
  b: DuplicateCandidate;
  /** Jaccard similarity of the two titles' term sets, 0-1. */
  similarity: number;
}

/**
 * Titles (FAQ questions) at least this similar are reported. Rewordings of one question score 0.5-1
 * ("How do I reset my password?" / "Reset your password" 1.0, "I was charged twice" / "Charged twice for
 * the same order" 0.59), while the closest distinct titles of kb/ score 0.38 ("Changing the email address
 * on your account" / "Changing the delivery address on an order").
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
/**
 * A title's terms: the character 4-grams of its content words that BM25 matches on (see lexicalTerms),
 * so that inflections ("refund" / "refunds") and small typos still overlap, and stopwords do not.
 */
export function titleTerms(title: string): Set<string> {
  return new Set(lexicalTerms(title).filter((term) => term.startsWith('c:')));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Pairs of articles in the same language whose titles are near duplicates, most similar first.
 * Quadratic in the number of articles, which is fine for a knowledge base of thousands.
 */
export function findNearDuplicates(articles: DuplicateCandidate[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicatePair[] {
  const withTerms = articles.map((article) => ({ article, terms: titleTerms(article.title) }));
  const pairs: NearDuplicatePair[] = [];
  for (let i = 0; i < withTerms.length; i++) {
    for (let j = i + 1; j < withTerms.length; j++) {
      const [first, second] = [withTerms[i], withTerms[j]];
      if (first.article.language !== second.article.language) continue;
      const similarity = jaccard(first.terms, second.terms);
      if (similarity >= threshold) pairs.push({ a: first.article, b: second.article, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.id.localeCompare(y.a.id));
}
