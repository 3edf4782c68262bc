import { join } from 'node:path';
import { Categorizer, taxonomyExamples } from './categorizer';
import { Algorithm, learnCategories, restoreClassifier } from './category-learning';
import { loadTaxonomy } from './taxonomy';

const taxonomy = loadTaxonomy(join(__dirname, '../../../../config/taxonomy.yml'));

describe('learnCategories', () => {
  it('uses the few-shot model while a category has fewer than five examples', () => {
    const learned = learnCategories([
      { text: 'where is my parcel', label: 'shipping' },
      { text: 'refund my order', label: 'returns_refunds' },
    ]);
    expect(learned.algorithm).toBe(Algorithm.FewShot);
    expect(learned.classifier.predict('my parcel is late').label).toBe('shipping');
  });

  it("trains the linear model on the taxonomy's phrases plus history, with hold-out accuracy and a calibrated out-of-scope threshold", () => {
    const history = ['My loyalty stars are missing', 'Stars not added to my loyalty card', 'Reward stars balance is wrong', 'Bonus stars never arrived', 'Where are my loyalty stars?'].map((text) => ({
      text,
      label: 'billing',
    }));
    const learned = learnCategories([...taxonomyExamples(taxonomy), ...history]);
    expect(learned.algorithm).toBe(Algorithm.Linear);
    expect(learned.metrics).toMatchObject({ examples: expect.any(Number), labels: taxonomy.categories.length, holdoutAccuracy: expect.any(Number), outOfScopeThreshold: expect.any(Number) });

    const categorizer = new Categorizer(taxonomy, 0.35, { version: 3, classifier: learned.classifier });
    const result = categorizer.categorize({ subject: 'Loyalty stars', description: 'No stars were added after my purchase today.' });
    expect(result).toMatchObject({ category: 'billing', modelVersion: 3, source: 'model' });
    expect(result.explanation.join(' ')).toMatch(/stars/);
    expect(categorizer.categorize({ subject: 'Parcel', description: 'The courier never delivered my parcel and tracking is stuck.' }).category).toBe('shipping');
    expect(categorizer.categorize({ subject: 'Recipe', description: 'What is a good recipe for banana bread with walnuts?' }).category).toBe('other');
  });

  it("reads a category's id as words: a name the examples never use still points to it", () => {
    const learned = learnCategories([
      { text: 'where is the thing you mailed me', label: 'card_arrival' },
      { text: 'nothing came in the post', label: 'card_arrival' },
      { text: 'I cannot log in', label: 'password_reset' },
      { text: 'locked out of the app', label: 'password_reset' },
    ]);
    expect(learned.metrics.examples).toBe(4);
    expect(learned.classifier.predict('please reset my password').label).toBe('password_reset');
    expect(learned.classifier.predict('my card arrival is late').label).toBe('card_arrival');
  });

  it('restores a stored classifier of either kind with the same predictions', () => {
    for (const examples of [[{ text: 'where is my parcel', label: 'shipping' }], taxonomyExamples(taxonomy)]) {
      const learned = learnCategories(examples);
      const restored = restoreClassifier(learned.algorithm, learned.classifier.toBuffer());
      expect(restored.predict('my parcel never arrived')).toEqual(learned.classifier.predict('my parcel never arrived'));
    }
    expect(() => restoreClassifier('nonsense', Buffer.alloc(0))).toThrow(/unknown categorizer algorithm/);
  });

  it('names the model that also weighs meaning, and restores it only with its sentence encoder', () => {
    // A stand-in encoder: the text's length class as a one-hot vector, enough to exercise storage.
    const encoder = { id: 'length-v1', dimension: 2, encode: (text: string) => Float64Array.from(text.length > 40 ? [1, 0] : [0, 1]) };
    const learned = learnCategories(taxonomyExamples(taxonomy), 'other', encoder);
    expect(learned.algorithm).toBe(Algorithm.LinearWithMeaning);
    const restored = restoreClassifier(learned.algorithm, learned.classifier.toBuffer(), encoder);
    expect(restored.predict('my parcel never arrived')).toEqual(learned.classifier.predict('my parcel never arrived'));
    expect(() => restoreClassifier(learned.algorithm, learned.classifier.toBuffer())).toThrow(/needs the sentence encoder length-v1/);
  });
});
