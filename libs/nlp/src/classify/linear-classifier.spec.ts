import { LinearClassifier } from './linear-classifier';

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
