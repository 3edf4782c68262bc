import { LinearClassifier } from './linear-classifier';
import type { SentenceEncoder } from './sentence-encoder';

const EXAMPLES = [
  ['when will my new card arrive', 'card_arrival'],
  ['my card still has not arrived', 'card_arrival'],
  ['how long does card delivery take', 'card_arrival'],
  ['the card you sent has not come yet', 'card_arrival'],
  ['I was charged twice for one purchase', 'duplicate_charge'],
  ['there are two identical payments on my statement', 'duplicate_charge'],
  ['you took the money twice', 'duplicate_charge'],
  ['duplicate transaction on my account', 'duplicate_charge'],
  ['I forgot my password', 'password'],
  ['how do I reset my password', 'password'],
  ['the password reset link does not work', 'password'],
  ['cannot remember my password to log in', 'password'],
].map(([text, label]) => ({ text, label }));

const top = (model: LinearClassifier, text: string) => {
  const { labels, probabilities } = model.scores(text);
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { label: labels[best], probability: probabilities[best], probabilities };
};

describe('LinearClassifier', () => {
  const model = LinearClassifier.train(EXAMPLES, { minDocumentFrequency: 1, epochs: 30 });

  it.each([
    ['my card has still not arrived after two weeks', 'card_arrival'],
    ['charged twice for the same coffee', 'duplicate_charge'],
    ['reset my password please', 'password'],
  ])('classifies %j as %s with probabilities that sum to 1', (text, label) => {
    const prediction = top(model, text);
    expect(prediction.label).toBe(label);
    expect(prediction.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
  });

  it('explains a prediction with the words that pushed it there, never character n-grams', () => {
    const text = 'I was charged twice';
    const { row } = model.scores(text);
    const terms = model.explain(row, 'duplicate_charge');
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.some((term) => term.includes('twice'))).toBe(true);
    for (const term of terms) expect(text.toLowerCase()).toContain(term.split(' ')[0]);
  });

  it('round-trips through a buffer with identical predictions', () => {
    const restored = LinearClassifier.fromBuffer(model.toBuffer());
    for (const { text } of EXAMPLES) expect(Array.from(restored.scores(text).probabilities)).toEqual(Array.from(model.scores(text).probabilities));
    expect(restored.labels).toEqual(model.labels);
  });

  it('refuses a truncated buffer', () => {
    const buffer = model.toBuffer();
    expect(() => LinearClassifier.fromBuffer(buffer.subarray(0, buffer.length - 4))).toThrow(/expected/);
  });

  it('is deterministic for a seed', () => {
    const again = LinearClassifier.train(EXAMPLES, { minDocumentFrequency: 1, epochs: 30 });
    expect(Array.from(again.scores('card not here').probabilities)).toEqual(Array.from(model.scores('card not here').probabilities));
  });
});

/** Word meanings as three hand-set directions: enough to tell whether the model uses the sentence vector. */
const CONCEPTS: Record<string, number> = {
  card: 0,
  arrive: 0,
  arrived: 0,
  delivered: 0,
  courier: 0,
  postman: 0,
  charged: 1,
  twice: 1,
  billed: 1,
  double: 1,
  password: 2,
  login: 2,
  passphrase: 2,
  credentials: 2,
};
const conceptEncoder = (id = 'concepts-v1'): SentenceEncoder => ({
  id,
  dimension: 3,
  encode(text) {
    const vector = new Float64Array(3);
    for (const word of text.toLowerCase().split(/\W+/)) if (word in CONCEPTS) vector[CONCEPTS[word]] += 1;
    const norm = Math.hypot(...vector);
    return norm ? vector.map((value) => value / norm) : vector;
  },
});

describe('LinearClassifier with a sentence encoder', () => {
  const encoder = conceptEncoder();
  const model = LinearClassifier.train(EXAMPLES, { minDocumentFrequency: 1, epochs: 30, denseScale: 1 }, encoder);

  it('classifies by meaning words it never saw in training', () => {
    // "postman", "billed" and "passphrase" are in no training text; only the sentence vector links them.
    expect(top(model, 'postman').label).toBe('card_arrival');
    expect(top(model, 'billed double').label).toBe('duplicate_charge');
    expect(top(model, 'passphrase credentials').label).toBe('password');
  });

  it('still explains with words only', () => {
    const { row } = model.scores('I was charged twice');
    expect(model.explain(row, 'duplicate_charge')).toContain('twice');
  });

  it('round-trips with the same encoder, and refuses to restore without it or with another', () => {
    const buffer = model.toBuffer();
    const restored = LinearClassifier.fromBuffer(buffer, encoder);
    expect(Array.from(restored.scores('postman').probabilities)).toEqual(Array.from(model.scores('postman').probabilities));
    expect(() => LinearClassifier.fromBuffer(buffer)).toThrow(/needs the sentence encoder concepts-v1 \(3-d\), got none/);
    expect(() => LinearClassifier.fromBuffer(buffer, conceptEncoder('other-v2'))).toThrow(/got other-v2/);
  });
});
