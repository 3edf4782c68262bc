import type { SentenceEncoder } from '../classify/sentence-encoder';
import { FewShotClassifier, LabeledText, TextClassifier } from './few-shot-classifier';
import { OUT_OF_SCOPE } from './taxonomy';
import { TrainedClassifier, TrainingMetrics } from './trained-classifier';

/**
 * Below this many examples in its smallest category a linear model over-fits; the few-shot
 * nearest-example model does better there (a new team, or `eval --shots 2`).
 */
export const MIN_EXAMPLES_FOR_LINEAR = 5;

export const Algorithm = { FewShot: 'tfidf-few-shot-v1', Linear: 'tfidf-logreg-v1', LinearWithMeaning: 'tfidf-sentence-logreg-v1' } as const;
export type Algorithm = (typeof Algorithm)[keyof typeof Algorithm];

export interface LearnedCategories {
  algorithm: Algorithm;
  classifier: TextClassifier;
  metrics: Partial<TrainingMetrics> & { examples: number; labels: number };
}

/**
 * Learns categories from labelled texts: what the categorization worker does with a team's history,
 * and what `npm run eval -- categorize` measures. With a sentence encoder the linear model also weighs
 * the texts' meaning, not only their words.
 */
export function learnCategories(
  examples: LabeledText[],
  outOfScopeLabel = OUT_OF_SCOPE,
  encoder?: SentenceEncoder,
  /** The linear model even when a category has fewer than MIN_EXAMPLES_FOR_LINEAR examples (`eval --learned`). */
  { linearOnly = false } = {},
): LearnedCategories {
  const perLabel = new Map<string, number>();
  for (const example of examples) perLabel.set(example.label, (perLabel.get(example.label) ?? 0) + 1);
  const training = [...examples, ...labelNameExamples([...perLabel.keys()], outOfScopeLabel)];
  if (!linearOnly && Math.min(...perLabel.values()) < MIN_EXAMPLES_FOR_LINEAR) {
    // Out-of-scope rows are no category of their own here: the few-shot model says "nothing fits" by similarity.
    const inScope = training.filter((example) => example.label !== outOfScopeLabel);
    const classifier = FewShotClassifier.train(inScope.length ? inScope : training, { outOfScopeLabel });
    return { algorithm: Algorithm.FewShot, classifier, metrics: { examples: examples.length, labels: perLabel.size } };
  }
  const { classifier, metrics } = TrainedClassifier.train(training, { outOfScopeLabel, encoder });
  return { algorithm: encoder ? Algorithm.LinearWithMeaning : Algorithm.Linear, classifier, metrics: { ...metrics, examples: examples.length } };
}

/**
 * Each category's id read as words ("card_arrival" → "card arrival"): a name says what its category is about,
 * which matters most while a category has a handful of examples. "Nothing fits" has no such meaning.
 */
function labelNameExamples(labels: string[], outOfScopeLabel: string): LabeledText[] {
  return labels.filter((label) => label !== outOfScopeLabel).map((label) => ({ text: label.replace(/[_-]+/g, ' '), label }));
}

/** A stored classifier, as `learnCategories` made it (with the same sentence encoder, if it had one). */
export function restoreClassifier(algorithm: string, buffer: Buffer, encoder?: SentenceEncoder): TextClassifier {
  switch (algorithm) {
    case Algorithm.FewShot:
      return FewShotClassifier.fromBuffer(buffer);
    case Algorithm.Linear:
    case Algorithm.LinearWithMeaning:
      return TrainedClassifier.fromBuffer(buffer, encoder);
    default:
      throw new Error(`unknown categorizer algorithm '${algorithm}'`);
  }
}
