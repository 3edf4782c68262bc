import { findNearDuplicates, jaccard, NEAR_DUPLICATE_THRESHOLD, titleTerms } from './kb-duplicates';
import { readKnowledgeBase } from './kb-files';
import { join } from 'node:path';

const article = (id: string, title: string, language = 'en') => ({ id, title, language });

describe('near-duplicate titles', () => {
  it('scores rewordings of one question above the threshold', () => {
    for (const [a, b] of [
      ['How do I reset my password?', 'Reset your password'],
      ['I was charged twice', 'Charged twice for the same order'],
      ['How can I return an item?', 'How to return an item'],
      ['Refunds', 'Refund'],
    ]) {
      expect(jaccard(titleTerms(a), titleTerms(b))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    }
  });

  it('scores different questions below it', () => {
    expect(jaccard(titleTerms('Changing the email address on your account'), titleTerms('Changing the delivery address on an order'))).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(jaccard(titleTerms('Printer is offline'), titleTerms('VPN cannot connect'))).toBe(0);
  });

  it('ignores stopwords and case; a title of stopwords only matches nothing', () => {
    expect(jaccard(titleTerms('THE Refund'), titleTerms('a refund'))).toBe(1);
    expect(jaccard(titleTerms('the and of'), titleTerms('the and of'))).toBe(0);
  });

  it('reports pairs in one language only, most similar first, with the similarity rounded', () => {
    const pairs = findNearDuplicates([
      article('a', 'How do I reset my password?'),
      article('b', 'Reset your password'),
      article('c', 'I was charged twice'),
      article('d', 'Charged twice for the same order'),
      article('e', 'Reset your password', 'es'),
      article('f', 'Track your parcel'),
    ]);
    expect(pairs.map((pair) => [pair.a.id, pair.b.id])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(pairs[0].similarity).toBe(1);
    expect(pairs[1].similarity).toBeCloseTo(0.588, 3);
  });

  it('finds none in the shipped kb/ (its closest titles are distinct questions)', async () => {
    const articles = await readKnowledgeBase(join(__dirname, '../../../kb'));
    expect(findNearDuplicates(articles)).toEqual([]);
  });
});
