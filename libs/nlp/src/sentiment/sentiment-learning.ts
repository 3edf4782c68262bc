import type { LabeledText } from '../categorize/few-shot-classifier';
import { classificationMetrics } from '../data/classification-metrics';
import { stratifiedSplit } from '../data/stratified-split';
import { SentimentAnalyzer, SentimentLabel } from './sentiment-analyzer';
import { TrainedSentimentModel } from './trained-sentiment';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
/** Names the stored format: a worker refuses weights it does not know how to read. */
export const SENTIMENT_ALGORITHM = 'sentiment-logreg-rules-v1';

export type SentimentExample = LabeledText & { language: string };

export interface SentimentTrainingMetrics {
  examples: number;
  holdoutExamples: number;
  holdoutAccuracy?: number;
  holdoutMacroF1?: number;
  /** Missing an angry customer costs most: recall of `negative` on the hold-out. */
  holdoutNegativeRecall?: number;
}

/** Labels with fewer than `minPerLabel` examples: while any is short, the rules stay in charge. */
export function missingSentimentExamples(examples: { label: string }[], minPerLabel: number): Record<string, number> {
  const counts = Object.fromEntries(SENTIMENT_LABELS.map((label) => [label, 0]));
  for (const example of examples) if (example.label in counts) counts[example.label]++;
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count < minPerLabel));
}

/**
 * Learns a team's sentiment on top of the rules: measured by a model trained on nine tenths of each label
 * and tested on the rest, then trained again on everything (the one a worker runs).
 */
export function learnSentiment(examples: SentimentExample[], rules = new SentimentAnalyzer()): { model: TrainedSentimentModel; metrics: SentimentTrainingMetrics } {
  const { train, holdout } = stratifiedSplit(examples, 0.1);
  const metrics: SentimentTrainingMetrics = { examples: examples.length, holdoutExamples: holdout.length };
  if (holdout.length > 0) {
    const probe = TrainedSentimentModel.train(train, rules);
    const measured = classificationMetrics(
      holdout.map((example) => example.label),
      holdout.map((example) => probe.analyze(example.text, example.language).label),
    );
    Object.assign(metrics, { holdoutAccuracy: round(measured.accuracy), holdoutMacroF1: round(measured.macroF1), holdoutNegativeRecall: round(measured.recall.negative ?? 0) });
  }
  return { model: TrainedSentimentModel.train(examples, rules), metrics };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
