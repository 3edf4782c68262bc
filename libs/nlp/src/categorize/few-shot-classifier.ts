import { readableShare } from '../language/cross-lingual/english-pivot';
import { centroid, SparseVector, TfidfVectorizer } from './tfidf-vectorizer';

export interface LabeledText {
  text: string;
  label: string;
}

export interface ClassifierOptions {
  /** Below this similarity nothing fits: predict `outOfScopeLabel`. */
  minSimilarity: number;
  outOfScopeLabel: string;
  /** Softmax temperature turning similarities into a distribution. */
  temperature: number;
}

export interface Prediction {
  label: string;
  confidence: number;
  ranking: { label: string; confidence: number }[];
  /** Terms of the text that pulled it towards the label, strongest first. */
  terms: string[];
  /** Why nothing fitted, when the label is the out-of-scope one. */
  outOfScopeReason?: string;
}

/** Whatever predicts categories: the taxonomy's few-shot model or a trained one. */
export interface TextClassifier {
  readonly labelNames: readonly string[];
  predict(text: string): Prediction;
  /** Everything needed to restore the classifier, for storage in Postgres. */
  toBuffer(): Buffer;
}

export interface FewShotPrediction extends Prediction {
  similarity: number;
}

const DEFAULTS: ClassifierOptions = { minSimilarity: 0.2, outOfScopeLabel: 'other', temperature: 0.04 };

/** A sparse vector as parallel arrays: a dot product with a dense vector is one tight loop. */
interface PackedVector {
  indices: Int32Array;
  weights: Float64Array;
}

interface LabelModel {
  label: string;
  /** For explanations: which of a text's terms the label shares. */
  centroid: SparseVector;
  /** For scoring: a Map lookup per query term and label cost more than this loop over the centroid. */
  packedCentroid: PackedVector;
  examples: PackedVector[];
}

/**
 * Nearest-example plus nearest-centroid classifier over TF-IDF features: learns from a handful of
 * examples per label (the taxonomy's phrases) and scales to a team's labelled history.
 */
export class FewShotClassifier implements TextClassifier {
  /** The text being predicted, spread over the vocabulary (zeroed again after each prediction). */
  private readonly query: Float64Array;

  private constructor(
    private readonly vectorizer: TfidfVectorizer,
    private readonly labels: LabelModel[],
    private readonly options: ClassifierOptions,
    private readonly examples: LabeledText[],
  ) {
    this.query = new Float64Array(vectorizer.size);
  }

  static train(examples: LabeledText[], options: Partial<ClassifierOptions> = {}): FewShotClassifier {
    if (examples.length === 0) throw new Error('cannot train a classifier on no examples');
    const vectorizer = new TfidfVectorizer().fit(examples.map((example) => example.text));
    const byLabel = new Map<string, SparseVector[]>();
    for (const example of examples) {
      const vectors = byLabel.get(example.label) ?? [];
      vectors.push(vectorizer.transform(example.text));
      byLabel.set(example.label, vectors);
    }
    const labels = [...byLabel].map(([label, vectors]) => {
      const labelCentroid = centroid(vectors);
      return { label, centroid: labelCentroid, packedCentroid: pack(labelCentroid), examples: vectors.map(pack) };
    });
    return new FewShotClassifier(vectorizer, labels, { ...DEFAULTS, ...options }, examples);
  }

  /** The model is its examples: stored as they are and re-fitted on load (milliseconds). */
  toBuffer(): Buffer {
    return Buffer.from(JSON.stringify({ options: this.options, examples: this.examples }), 'utf8');
  }

  static fromBuffer(buffer: Buffer): FewShotClassifier {
    const { options, examples } = JSON.parse(buffer.toString('utf8')) as { options: ClassifierOptions; examples: LabeledText[] };
    return FewShotClassifier.train(examples, options);
  }

  get labelNames(): string[] {
    return this.labels.map((label) => label.label);
  }

  predict(text: string): FewShotPrediction {
    const vector = this.vectorizer.transform(text);
    for (const [index, weight] of vector) this.query[index] = weight;
    const scored = this.labels.map((label) => {
      let nearest = 0;
      for (const example of label.examples) nearest = Math.max(nearest, denseDot(this.query, example));
      return { label, similarity: 0.5 * nearest + 0.5 * denseDot(this.query, label.packedCentroid) };
    });
    for (const index of vector.keys()) this.query[index] = 0;
    scored.sort((a, b) => b.similarity - a.similarity);
    const { temperature, outOfScopeLabel } = this.options;
    // A language is no reason to be out of scope: the bar is lowered to what the glosses could match.
    const minSimilarity = this.options.minSimilarity * readableShare(text);
    const top = scored[0].similarity;
    const exps = scored.map((entry) => Math.exp((entry.similarity - top) / temperature));
    const total = exps.reduce((sum, value) => sum + value, 0);
    const ranking = scored.map((entry, i) => ({ label: entry.label.label, confidence: round(exps[i] / total) }));
    const best = scored[0];
    const terms = this.explain(vector, best.label.centroid);
    // Shared character n-grams alone are background noise: a label needs at least one shared word.
    if (best.similarity < minSimilarity || terms.length === 0) {
      // Confident that nothing fits in proportion to how far below the bar the best match is.
      const confidence = round(0.5 + 0.5 * Math.max(0, 1 - best.similarity / minSimilarity));
      const outOfScopeReason = `no category matched (best similarity ${round(best.similarity)})`;
      return { label: outOfScopeLabel, confidence, ranking, terms: [], similarity: round(best.similarity), outOfScopeReason };
    }
    // How much evidence there is at all tempers the softmax share.
    const evidence = Math.min(1, (best.similarity - minSimilarity) / 0.2);
    return {
      label: best.label.label,
      confidence: round(ranking[0].confidence * (0.6 + 0.4 * evidence)),
      ranking,
      terms,
      similarity: round(best.similarity),
    };
  }

  private explain(vector: SparseVector, target: SparseVector): string[] {
    const contributions: [string, number][] = [];
    for (const [index, weight] of vector) {
      const name = this.vectorizer.featureName(index);
      const other = target.get(index);
      if (other !== undefined && !name.startsWith('c:')) contributions.push([name.slice(2), weight * other]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([term]) => term);
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function pack(vector: SparseVector): PackedVector {
  return { indices: Int32Array.from(vector.keys()), weights: Float64Array.from(vector.values()) };
}

function denseDot(dense: Float64Array, { indices, weights }: PackedVector): number {
  let sum = 0;
  for (let i = 0; i < indices.length; i++) sum += dense[indices[i]] * weights[i];
  return sum;
}
