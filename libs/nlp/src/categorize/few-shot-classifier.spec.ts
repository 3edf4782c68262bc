import { tokenize } from '../text/tokenize';
import { FewShotClassifier, LabeledText } from './few-shot-classifier';
import { centroid, dot, extractFeatures, TfidfVectorizer } from './tfidf-vectorizer';

const EXAMPLES: LabeledText[] = [
  { label: 'shipping', text: 'Where is my package? It was supposed to arrive yesterday' },
  { label: 'shipping', text: 'Tracking has not updated in days, is my parcel lost?' },
  { label: 'shipping', text: 'The courier never delivered my parcel' },
  { label: 'shipping', text: 'Delivery is late and tracking shows no movement' },
  { label: 'billing', text: 'I was charged twice for the same order' },
  { label: 'billing', text: 'My card payment was declined at checkout' },
  { label: 'billing', text: 'Please send me an invoice for my payment' },
  { label: 'billing', text: 'There is a charge on my card statement I do not recognise' },
  { label: 'account', text: 'I forgot my password and the reset email never arrives' },
  { label: 'account', text: 'I cannot log in to my account' },
  { label: 'account', text: 'My account is locked after too many login attempts' },
  { label: 'account', text: 'The password reset link has expired' },
];

const classifier = FewShotClassifier.train(EXAMPLES);

function expectValidPrediction(prediction: ReturnType<FewShotClassifier['predict']>) {
  expect(prediction.confidence).toBeGreaterThanOrEqual(0);
  expect(prediction.confidence).toBeLessThanOrEqual(1);
  const total = prediction.ranking.reduce((sum, entry) => sum + entry.confidence, 0);
  expect(total).toBeCloseTo(1, 2);
  for (const entry of prediction.ranking) {
    expect(entry.confidence).toBeGreaterThanOrEqual(0);
    expect(entry.confidence).toBeLessThanOrEqual(1);
  }
  // Ranked best first, one entry per label.
  for (let i = 1; i < prediction.ranking.length; i++) expect(prediction.ranking[i].confidence).toBeLessThanOrEqual(prediction.ranking[i - 1].confidence);
  expect(prediction.ranking.map((entry) => entry.label).sort()).toEqual(['account', 'billing', 'shipping']);
}

describe('FewShotClassifier', () => {
  it.each([
    ['de', 'Paket nicht angekommen', 'shipping'],
    ['fr', "J'ai été débité deux fois pour la même commande", 'billing'],
    ['pt', 'Esqueci minha senha e o e-mail de redefinição nunca chega', 'account'],
    ['zh', '我的账户被锁定了，无法登录', 'account'],
    ['ja', '荷物の追跡が何日も更新されていません', 'shipping'],
  ])('learns from English examples and reads a %s ticket: "%s"', (_language, text, label) => {
    const prediction = classifier.predict(text);
    expect(prediction.label).toBe(label);
    expect(prediction.outOfScopeReason).toBeUndefined();
  });

  it('knows the labels it was trained on, in first-seen order', () => {
    expect(classifier.labelNames).toEqual(['shipping', 'billing', 'account']);
  });

  it.each([
    ['My parcel still has not arrived and the tracking is stuck', 'shipping'],
    ['the courier says delivered but no package here', 'shipping'],
    ['You charged my card twice for one order', 'billing'],
    ['need an invoice for last month’s payment', 'billing'],
    ['I cannot log in, the password reset email does not come', 'account'],
    ['my account got locked, too many attempts', 'account'],
  ])('classifies the paraphrase %j as %s', (text, label) => {
    const prediction = classifier.predict(text);
    expectValidPrediction(prediction);
    expect(prediction.label).toBe(label);
    expect(prediction.ranking[0].label).toBe(label);
    expect(prediction.confidence).toBeGreaterThan(0.3);
    expect(prediction.similarity).toBeGreaterThanOrEqual(0.2);
  });

  it('explains a prediction with words and word pairs taken from the text', () => {
    const text = 'I was charged twice on my card statement';
    const prediction = classifier.predict(text);
    expect(prediction.label).toBe('billing');
    expect(prediction.terms.length).toBeGreaterThan(0);
    expect(prediction.terms.length).toBeLessThanOrEqual(5);
    const words = new Set(tokenize(text));
    for (const term of prediction.terms) {
      for (const word of term.split(' ')) expect(words).toContain(word);
    }
    // No raw feature prefixes or character n-grams leak into explanations.
    for (const term of prediction.terms) expect(term).not.toMatch(/^[wbc]:|^ | $/);
  });

  it('says nothing fits for unrelated text', () => {
    const prediction = classifier.predict('What is a good recipe for banana bread with walnuts?');
    expectValidPrediction(prediction);
    expect(prediction.label).toBe('other');
    expect(prediction.terms).toEqual([]);
    expect(prediction.confidence).toBeGreaterThanOrEqual(0.5);
    expect(prediction.similarity).toBeLessThan(0.2);
  });

  it('says nothing fits for empty text', () => {
    const prediction = classifier.predict('');
    expect(prediction.label).toBe('other');
    expect(prediction.confidence).toBe(1);
    expect(prediction.similarity).toBe(0);
  });

  it('uses the configured out-of-scope label and threshold', () => {
    const strict = FewShotClassifier.train(EXAMPLES, { outOfScopeLabel: 'unknown', minSimilarity: 0.99 });
    expect(strict.predict('I was charged twice for my order').label).toBe('unknown');
    expect(strict.predict('banana bread').label).toBe('unknown');
  });

  it('is more confident for a close paraphrase than for a vague one', () => {
    const close = classifier.predict('I was charged twice for the same order, please refund');
    const vague = classifier.predict('something about my order');
    expect(close.label).toBe('billing');
    expect(vague.label === 'billing' ? vague.confidence : 0).toBeLessThan(close.confidence);
  });

  it('tolerates a typo through character n-grams', () => {
    // Both labels share the word "account"; only the misspelt "pasword" can tell them apart.
    const model = FewShotClassifier.train(
      [
        { label: 'login', text: 'forgot the password for my account' },
        { label: 'login', text: 'reset the password on my account' },
        { label: 'payments', text: 'refund the payment to my account' },
        { label: 'payments', text: 'the payment from my account failed' },
      ],
      { minSimilarity: 0.1 },
    );
    const prediction = model.predict('account pasword');
    expect(prediction.label).toBe('login');
    expect(prediction.ranking[0].confidence).toBeGreaterThan(prediction.ranking[1].confidence);
    // And the mirror image, so a tie broken by order cannot pass for typo tolerance.
    expect(model.predict('account paymnet').label).toBe('payments');
  });

  it('throws on an empty training set', () => {
    expect(() => FewShotClassifier.train([])).toThrow(/no examples/);
  });

  it('learns a single label without dividing by zero', () => {
    const single = FewShotClassifier.train([
      { label: 'printer', text: 'the printer is offline' },
      { label: 'printer', text: 'paper jam in the printer' },
    ]);
    const prediction = single.predict('printer offline again');
    expect(prediction.label).toBe('printer');
    expect(prediction.ranking).toEqual([{ label: 'printer', confidence: 1 }]);
    expect(prediction.confidence).toBeGreaterThan(0);
    expect(prediction.confidence).toBeLessThanOrEqual(1);
  });
});

describe('TfidfVectorizer', () => {
  it('extracts words, bigrams of content words and character 3–5-grams', () => {
    const features = extractFeatures('Refund twice');
    expect(features).toEqual(expect.arrayContaining(['w:refund', 'w:twice', 'b:refund twice', 'c: re', 'c:fund ', 'c:twic']));
    // Stop words give no word feature and break bigrams.
    expect(extractFeatures('the refund')).not.toContain('w:the');
    expect(extractFeatures('the refund')).not.toContain('b:the refund');
  });

  it('produces L2-normalised vectors and ignores unseen features', () => {
    const vectorizer = new TfidfVectorizer().fit(['password reset link', 'parcel tracking link']);
    const vector = vectorizer.transform('password password link');
    expect(dot(vector, vector)).toBeCloseTo(1, 10);
    expect(vectorizer.transform('zzzz qqqq').size).toBe(0);
  });

  it('makes a typo close to the word and far from an unrelated word', () => {
    const vectorizer = new TfidfVectorizer().fit(['password', 'payment', 'pasword']);
    const typo = vectorizer.transform('pasword');
    expect(dot(typo, vectorizer.transform('password'))).toBeGreaterThan(0.3);
    expect(dot(typo, vectorizer.transform('password'))).toBeGreaterThan(dot(typo, vectorizer.transform('payment')));
  });

  it('weights rare features above common ones', () => {
    const vectorizer = new TfidfVectorizer().fit(['order late', 'order lost', 'order broken', 'refund']);
    const vector = vectorizer.transform('order refund');
    const weightOf = (word: string) => [...vector].find(([index]) => vectorizer.featureName(index) === `w:${word}`)![1];
    expect(weightOf('refund')).toBeGreaterThan(weightOf('order'));
  });

  it('builds a unit-length centroid', () => {
    const vectorizer = new TfidfVectorizer().fit(['printer offline', 'printer jam']);
    const c = centroid([vectorizer.transform('printer offline'), vectorizer.transform('printer jam')]);
    expect(dot(c, c)).toBeCloseTo(1, 10);
    expect(centroid([]).size).toBe(0);
  });
});
