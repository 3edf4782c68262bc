import { LinearClassifier, LinearTrainingOptions } from '../classify/linear-classifier';
import { packModel, unpackModel } from '../classify/model-buffer';
import type { SentenceEncoder } from '../classify/sentence-encoder';
import { readableShare } from '../language/cross-lingual/english-pivot';
import { STOPWORDS } from '../text/stopwords';
import { stratifiedSplit } from '../data/stratified-split';
import type { LabeledText, Prediction, TextClassifier } from './few-shot-classifier';

export interface TrainingMetrics {
  examples: number;
  labels: number;
  /** Accuracy on the held-out part, of a model trained on the rest; absent when there was too little data. */
  holdoutAccuracy?: number;
  holdoutExamples: number;
  /** Below this top probability the text is out of scope (calibrated on the held-out part). */
  outOfScopeThreshold: number;
}

export interface TrainOptions {
  outOfScopeLabel: string;
  /** Share of each label held out to measure the model and calibrate the out-of-scope threshold. */
  holdoutFraction: number;
  linear: Partial<LinearTrainingOptions>;
  /** Adds the texts' sentence vectors to the linear model's features. */
  encoder?: SentenceEncoder;
}

const DEFAULTS: TrainOptions = { outOfScopeLabel: 'other', holdoutFraction: 0.1, linear: {} };
/** Used when there is no held-out data to calibrate on. */
const DEFAULT_THRESHOLD = 0.3;
/**
 * The threshold would reject this share of the held-out texts the model got right, halved: held-out texts
 * share writers and phrasing with the training texts, so new tickets score lower than they do.
 */
const CORRECT_REJECTED = 0.01;
const NEW_TEXT_DISCOUNT = 0.5;
/**
 * From this many examples per label on, the model has seen enough ways of saying each category to be trusted
 * without a supporting content word (on CLINC150 the rule rejected 1.2 points of in-scope texts).
 */
const PLENTY_EXAMPLES_PER_LABEL = 30;
/**
 * With fewer, every n-gram seen counts (a rare one is no longer mostly noise) and the sentence vector weighs
 * more, since it links the many wordings not seen yet (chosen on Banking77 with 10 per label, validated on the rest of its training part).
 */
const FEW_EXAMPLES_LINEAR: Partial<LinearTrainingOptions> = { minDocumentFrequency: 1, denseScale: 0.75 };
const FORMAT = 1;

interface ClassifierHeader {
  format: number;
  outOfScopeLabel: string;
  threshold: number;
  /** Absent in models stored before the rule depended on the training set's size: they keep it. */
  requireContentWord?: boolean;
}

/** The categorizer learned from a team's labelled history: a linear model plus a calibrated "nothing fits". */
export class TrainedClassifier implements TextClassifier {
  private constructor(
    private readonly model: LinearClassifier,
    readonly outOfScopeLabel: string,
    readonly threshold: number,
    /** Out of scope unless some content word supports the best label: for models learned from few examples. */
    private readonly requireContentWord: boolean,
  ) {}

  static train(examples: LabeledText[], options: Partial<TrainOptions> = {}): { classifier: TrainedClassifier; metrics: TrainingMetrics } {
    const settings = { ...DEFAULTS, ...options };
    const fewExamples = examples.length < PLENTY_EXAMPLES_PER_LABEL * new Set(examples.map((example) => example.label)).size;
    const linear = { ...(fewExamples ? FEW_EXAMPLES_LINEAR : {}), ...settings.linear };
    const { train, holdout } = stratifiedSplit(examples, settings.holdoutFraction);
    let holdoutAccuracy: number | undefined;
    let threshold = DEFAULT_THRESHOLD;
    if (holdout.length > 0) {
      const probe = LinearClassifier.train(train, linear, settings.encoder);
      const correctConfidences: number[] = [];
      for (const example of holdout) {
        const { label, confidence } = top(probe.scores(example.text));
        if (label === example.label) correctConfidences.push(confidence);
      }
      holdoutAccuracy = correctConfidences.length / holdout.length;
      if (correctConfidences.length >= 20) {
        correctConfidences.sort((a, b) => a - b);
        threshold = NEW_TEXT_DISCOUNT * correctConfidences[Math.floor(correctConfidences.length * CORRECT_REJECTED)];
      }
    }
    const classifier = new TrainedClassifier(LinearClassifier.train(examples, linear, settings.encoder), settings.outOfScopeLabel, threshold, fewExamples);
    const metrics: TrainingMetrics = {
      examples: examples.length,
      labels: classifier.labelNames.length,
      holdoutExamples: holdout.length,
      outOfScopeThreshold: round(threshold),
      ...(holdoutAccuracy === undefined ? {} : { holdoutAccuracy: round(holdoutAccuracy) }),
    };
    return { classifier, metrics };
  }

  get labelNames(): readonly string[] {
    return this.model.labels;
  }

  predict(text: string): Prediction {
    const scores = this.model.scores(text);
    const ranking = scores.labels.map((label, i) => ({ label, confidence: round(scores.probabilities[i]) })).sort((a, b) => b.confidence - a.confidence);
    const best = ranking[0];
    // A language is no reason to be out of scope: a text read through its glosses scores lower (as in the few-shot model).
    const threshold = this.threshold * readableShare(text);
    if (best.label !== this.outOfScopeLabel && best.confidence < threshold) {
      return {
        label: this.outOfScopeLabel,
        // As sure that nothing fits as the best label is unsure.
        confidence: round(1 - best.confidence),
        ranking,
        terms: [],
        outOfScopeReason: `no category is likely enough (best ${best.label} at ${best.confidence}, threshold ${round(threshold)})`,
      };
    }
    const support = this.model.explain(scores.row, best.label, Infinity);
    // Function words alone ("what is a good ...") are no evidence of a category learned from a few phrases.
    if (this.requireContentWord && best.label !== this.outOfScopeLabel && !support.some((term) => term.split(' ').some((word) => !STOPWORDS.has(word)))) {
      return { label: this.outOfScopeLabel, confidence: round(1 - best.confidence / 2), ranking, terms: [], outOfScopeReason: `no word of the text supports ${best.label}` };
    }
    return { label: best.label, confidence: best.confidence, ranking, terms: support.slice(0, 5) };
  }

  toBuffer(): Buffer {
    const header: ClassifierHeader = { format: FORMAT, outOfScopeLabel: this.outOfScopeLabel, threshold: this.threshold, requireContentWord: this.requireContentWord };
    return packModel(header, this.model.toBuffer());
  }

  /** A model trained with a sentence encoder needs the same encoder back. */
  static fromBuffer(buffer: Buffer, encoder?: SentenceEncoder): TrainedClassifier {
    const { header, body } = unpackModel<ClassifierHeader>(buffer, FORMAT);
    return new TrainedClassifier(LinearClassifier.fromBuffer(body, encoder), header.outOfScopeLabel, header.threshold, header.requireContentWord ?? true);
  }
}

function top(scores: ReturnType<LinearClassifier['scores']>): { label: string; confidence: number } {
  let best = 0;
  for (let i = 1; i < scores.probabilities.length; i++) if (scores.probabilities[i] > scores.probabilities[best]) best = i;
  return { label: scores.labels[best], confidence: scores.probabilities[best] };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
