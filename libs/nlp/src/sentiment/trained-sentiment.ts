import type { LabeledText } from '../categorize/few-shot-classifier';
import { LinearClassifier } from '../classify/linear-classifier';
import type { SentimentSignal } from '@smartdesk/contracts';
import { SentimentAnalyzer, SentimentLabel } from './sentiment-analyzer';

export interface TrainedSentimentResult {
  label: SentimentLabel;
  /** The lexicon's polarity in [-1, 1], kept as the interpretable score. */
  score: number;
  confidence: number;
  source: 'model';
  cues: string[];
  /** The rules' evidence, kept beside the model's label (escalation and agents read it). */
  signals: SentimentSignal[];
  /** The text's words (and rule findings) that pushed the model most towards its label. */
  explanation: string[];
}

/**
 * Sentiment learned from a team's labelled texts, on top of the zero-shot rules: the linear model sees
 * the words and, as extra tokens, what the lexicon and complaint cues found (their kinds and a polarity
 * bucket). So it learns the team's own vocabulary without forgetting negation, emphasis and threats.
 */
export class TrainedSentimentModel {
  private constructor(
    private readonly model: LinearClassifier,
    private readonly rules: SentimentAnalyzer,
  ) {}

  static train(examples: (LabeledText & { language: string })[], rules = new SentimentAnalyzer()): TrainedSentimentModel {
    const augmented = examples.map((example) => ({ label: example.label, text: withRuleTokens(example.text, rules.analyze(example.text, example.language)) }));
    return new TrainedSentimentModel(LinearClassifier.train(augmented, { learningRate: 0.5, minDocumentFrequency: 3 }), rules);
  }

  analyze(text: string, language: string): TrainedSentimentResult {
    const zeroShot = this.rules.analyze(text, language);
    const scores = this.model.scores(withRuleTokens(text, zeroShot));
    let best = 0;
    for (let i = 1; i < scores.labels.length; i++) if (scores.probabilities[i] > scores.probabilities[best]) best = i;
    const label = scores.labels[best] as SentimentLabel;
    return {
      label,
      score: zeroShot.score,
      confidence: Math.round(scores.probabilities[best] * 1000) / 1000,
      source: 'model',
      cues: zeroShot.cues,
      signals: zeroShot.signals,
      explanation: this.model.explain(scores.row, label).map(readableTerm),
    };
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  toBuffer(): Buffer {
    return this.model.toBuffer();
  }

  static fromBuffer(buffer: Buffer, rules = new SentimentAnalyzer()): TrainedSentimentModel {
    return new TrainedSentimentModel(LinearClassifier.fromBuffer(buffer), rules);
  }
}

/** "zzrulewaiting" → "rule:waiting", "zzlabelnegative" → "rules:negative"; words stay as they are. */
function readableTerm(term: string): string {
  return term
    .replace(/zzrule([a-z]+)/g, 'rule:$1')
    .replace(/zzlabel([a-z]+)/g, 'rules:$1')
    .replace(/zzpolarity(minus|plus)(\d)/g, (_, sign: string, fifths: string) => `polarity:${sign === 'minus' ? '-' : '+'}${fifths}/5`);
}

/** The rules' findings as words the model can weigh: "zzrule" + signal kind, and the polarity in fifths. */
function withRuleTokens(text: string, rules: ReturnType<SentimentAnalyzer['analyze']>): string {
  const kinds = new Set(rules.signals.map((signal) => `zzrule${signal.kind.replace(/[^a-z]/g, '')}`));
  const bucket = Math.round(rules.score * 5);
  return `${text}\nzzpolarity${bucket < 0 ? 'minus' : 'plus'}${Math.abs(bucket)} zzlabel${rules.label} ${[...kinds].join(' ')}`;
}
