import { SifSentenceEncoder, vocabularyTokens } from './sif-sentence-encoder';
import { FIXTURE_WORDS } from './wink-embeddings.fixture';
import { WordVectors } from './word-vectors';

const words = new WordVectors({
  words: FIXTURE_WORDS.map(([word]) => word),
  vectors: Float32Array.from(FIXTURE_WORDS.flatMap(([, vector]) => vector)),
  dimension: 3,
});
const norm = (vector: Float64Array) => Math.hypot(...vector);
const cosine = (a: Float64Array, b: Float64Array) => a.reduce((sum, value, i) => sum + value * b[i], 0);

describe('vocabularyTokens', () => {
  it('folds case and accents and expands contractions the way GloVe spells them', () => {
    expect(vocabularyTokens("My card hasn't arrived, I'm waiting")).toEqual(['my', 'card', 'has', 'not', 'arrived', 'i', 'am', 'waiting']);
    expect(vocabularyTokens("I can't and won't. It's Zoë's")).toEqual(['i', 'can', 'not', 'and', 'will', 'not', 'it', 'zoe']);
  });
});

describe('SifSentenceEncoder', () => {
  const encoder = new SifSentenceEncoder(words);

  it('gives unit vectors of the word-vector dimension', () => {
    const vector = encoder.encode('refund my card');
    expect(vector).toHaveLength(3);
    expect(norm(vector)).toBeCloseTo(1, 6);
  });

  it('gives a zero vector when no word is known', () => {
    expect(Array.from(encoder.encode('zzz qqq'))).toEqual([0, 0, 0]);
    expect(Array.from(encoder.encode(''))).toEqual([0, 0, 0]);
  });

  it('ignores unknown words and word order', () => {
    expect(Array.from(encoder.encode('card refund xyzzy'))).toEqual(Array.from(encoder.encode('refund card')));
  });

  it('weights the most frequent word (rank 0) far below rarer ones', () => {
    // "the" has a vector unlike "parcel", yet barely moves the sentence vector.
    expect(cosine(encoder.encode('the parcel'), encoder.encode('parcel'))).toBeGreaterThan(0.99);
  });

  it('puts sentences with similar words closer than sentences with different ones', () => {
    const card = encoder.encode('card');
    expect(cosine(card, encoder.encode('refund'))).toBeGreaterThan(cosine(card, encoder.encode('parcel')));
  });
});
