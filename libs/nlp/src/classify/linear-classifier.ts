import type { LabeledText } from '../categorize/few-shot-classifier';
import { seededRandom } from '../data/seeded-random';
import { pivotTokens } from '../language/cross-lingual/english-pivot';
import { packModel, unpackModel } from './model-buffer';
import type { SentenceEncoder } from './sentence-encoder';

export interface LinearTrainingOptions {
  epochs: number;
  /** Small data sets get more epochs, up to this many SGD steps in all: a few dozen rows need hundreds of passes. */
  minSteps: number;
  /** Features seen in fewer training texts are dropped: rare n-grams are mostly noise and bloat the model. */
  minDocumentFrequency: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Length of the sentence-encoder part of a row, next to the unit-length sparse part (tuned on a Banking77 validation split). */
  denseScale: number;
}

const DEFAULTS: LinearTrainingOptions = { epochs: 8, minSteps: 20_000, minDocumentFrequency: 2, learningRate: 2, l2: 1e-6, seed: 7, denseScale: 0.5 };
const FORMAT = 1;

interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

export interface LinearScores {
  labels: readonly string[];
  probabilities: Float64Array;
  /** The text's features, kept for explanations. */
  row: SparseRow;
}

/** The sentence encoder's vector, appended to each row after the sparse features. */
interface DensePart {
  encoder: SentenceEncoder;
  scale: number;
}

interface ModelHeader {
  format: number;
  labels: string[];
  features: string[];
  /** Absent in models trained without a sentence encoder. */
  dense?: { encoder: string; dimension: number; scale: number };
}

/**
 * Multinomial logistic regression over TF-IDF features of words, word pairs and character n-grams,
 * trained by SGD. Unlike the few-shot model it keeps function words: "when will my card arrive" and
 * "my card has not arrived" are different intents. Prediction is one sparse pass over a feature-major
 * weight matrix (tens of microseconds), and the model serialises to one buffer for storage.
 * With a sentence encoder, each row also carries the text's dense vector, so texts that say the same
 * thing in other words share evidence.
 */
export class LinearClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly features: readonly string[],
    private readonly idf: Float32Array,
    /** (features + dense dimensions) × labels, feature-major so a text touches only its own rows. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    private readonly dense: DensePart | undefined,
    private readonly vocabulary = new Map(features.map((feature, i) => [feature, i])),
  ) {}

  static train(examples: LabeledText[], options: Partial<LinearTrainingOptions> = {}, encoder?: SentenceEncoder): LinearClassifier {
    const settings = { ...DEFAULTS, ...options };
    if (examples.length === 0) throw new Error('cannot train a classifier on no examples');
    const labels = [...new Set(examples.map((example) => example.label))];
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const featureLists = examples.map((example) => intentFeatures(example.text));

    const documentFrequency = new Map<string, number>();
    for (const list of featureLists) for (const feature of new Set(list)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    const minDf = Math.min(settings.minDocumentFrequency, examples.length);
    const features = [...documentFrequency].filter(([, df]) => df >= minDf).map(([feature]) => feature);
    const idf = Float32Array.from(features, (feature) => Math.log((1 + examples.length) / (1 + documentFrequency.get(feature)!)) + 1);

    const dense = encoder && { encoder, scale: settings.denseScale };
    const width = features.length + (encoder?.dimension ?? 0);
    const classifier = new LinearClassifier(labels, features, idf, new Float32Array(width * labels.length), new Float32Array(labels.length), dense);
    const rows = examples.map((example, i) => classifier.vectorize(featureLists[i], example.text));
    const targets = Int32Array.from(examples, (example) => labelIndex.get(example.label)!);
    classifier.fit(rows, targets, settings);
    return classifier;
  }

  get featureCount(): number {
    return this.features.length;
  }

  scores(text: string): LinearScores {
    const row = this.vectorize(intentFeatures(text), text);
    return { labels: this.labels, probabilities: this.softmax(row), row };
  }

  /** Words and word pairs of the text that pushed it most towards `label`. */
  explain(row: SparseRow, label: string, limit = 5): string[] {
    const labelAt = this.labels.indexOf(label);
    const contributions: [string, number][] = [];
    for (let i = 0; i < row.indices.length; i++) {
      // Dense dimensions and character n-grams mean nothing to a reader.
      const feature = this.features[row.indices[i]];
      if (feature === undefined || feature.startsWith('c:')) continue;
      const contribution = row.values[i] * this.weights[row.indices[i] * this.labels.length + labelAt];
      if (contribution > 0) contributions.push([feature.slice(2), contribution]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([feature]) => feature);
  }

  /** Header, then idf, bias and weights as little-endian float32. */
  toBuffer(): Buffer {
    const header: ModelHeader = { format: FORMAT, labels: [...this.labels], features: [...this.features] };
    if (this.dense) header.dense = { encoder: this.dense.encoder.id, dimension: this.dense.encoder.dimension, scale: this.dense.scale };
    return packModel(header, floats(this.idf), floats(this.bias), floats(this.weights));
  }

  /** A model trained with a sentence encoder needs the same encoder back. */
  static fromBuffer(buffer: Buffer, encoder?: SentenceEncoder): LinearClassifier {
    const { header, body } = unpackModel<ModelHeader>(buffer, FORMAT);
    if (header.dense && (header.dense.encoder !== encoder?.id || header.dense.dimension !== encoder.dimension)) {
      throw new Error(`the model needs the sentence encoder ${header.dense.encoder} (${header.dense.dimension}-d), got ${encoder ? `${encoder.id} (${encoder.dimension}-d)` : 'none'}`);
    }
    const count = { features: header.features.length, labels: header.labels.length };
    const width = count.features + (header.dense?.dimension ?? 0);
    const expected = 4 * (count.features + count.labels + width * count.labels);
    if (body.length !== expected) throw new Error(`model weights are ${body.length} bytes, expected ${expected}`);
    // Copy into an aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
    const all = new Float32Array(new Uint8Array(body).buffer);
    const idf = all.subarray(0, count.features);
    const bias = all.subarray(count.features, count.features + count.labels);
    const weights = all.subarray(count.features + count.labels);
    const dense = header.dense && encoder && { encoder, scale: header.dense.scale };
    return new LinearClassifier(header.labels, header.features, idf, weights, bias, dense);
  }

  /** The sparse part is L2-normalised; the dense part (a unit vector) is scaled to `denseScale` after it. */
  private vectorize(featureList: string[], text: string): SparseRow {
    const counts = new Map<number, number>();
    for (const feature of featureList) {
      const index = this.vocabulary.get(feature);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const denseDimension = this.dense?.encoder.dimension ?? 0;
    const indices = new Int32Array(counts.size + denseDimension);
    const values = new Float32Array(counts.size + denseDimension);
    let norm = 0;
    let i = 0;
    for (const [index, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf[index];
      indices[i] = index;
      values[i++] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < i; j++) values[j] /= norm;
    if (this.dense) {
      const vector = this.dense.encoder.encode(text);
      for (let d = 0; d < denseDimension; d++) {
        indices[i] = this.features.length + d;
        values[i++] = this.dense.scale * vector[d];
      }
    }
    return { indices, values };
  }

  private softmax(row: SparseRow): Float64Array {
    const width = this.labels.length;
    const out = Float64Array.from(this.bias);
    for (let i = 0; i < row.indices.length; i++) {
      const offset = row.indices[i] * width;
      const value = row.values[i];
      for (let c = 0; c < width; c++) out[c] += value * this.weights[offset + c];
    }
    let max = -Infinity;
    for (const logit of out) max = Math.max(max, logit);
    let total = 0;
    for (let c = 0; c < width; c++) total += out[c] = Math.exp(out[c] - max);
    for (let c = 0; c < width; c++) out[c] /= total;
    return out;
  }

  private fit(rows: SparseRow[], targets: Int32Array, { epochs: minEpochs, minSteps, learningRate, l2, seed }: LinearTrainingOptions): void {
    const width = this.labels.length;
    const epochs = Math.max(minEpochs, Math.ceil(minSteps / rows.length));
    const order = Int32Array.from(rows, (_, i) => i);
    const random = seededRandom(seed);
    const totalSteps = epochs * rows.length;
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const sample of order) {
        // Linear decay: big steps to find the region, small ones to settle in it.
        const rate = learningRate * (1 - step++ / totalSteps) + 1e-3;
        const row = rows[sample];
        const gradient = this.softmax(row);
        gradient[targets[sample]] -= 1;
        for (let c = 0; c < width; c++) this.bias[c] -= rate * gradient[c];
        for (let i = 0; i < row.indices.length; i++) {
          const offset = row.indices[i] * width;
          const value = row.values[i];
          for (let c = 0; c < width; c++) {
            const weight = this.weights[offset + c];
            this.weights[offset + c] = weight - rate * (gradient[c] * value + l2 * weight);
          }
        }
      }
    }
  }
}

/** Every word (function words carry intent), adjacent word pairs, pairs one word apart ("card * arrived"), and character 3–5-grams inside words. */
function intentFeatures(text: string): string[] {
  const tokens = pivotTokens(text);
  const features: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    features.push(`w:${token}`);
    if (i + 1 < tokens.length) features.push(`b:${token} ${tokens[i + 1]}`);
    if (i + 2 < tokens.length) features.push(`s:${token} ${tokens[i + 2]}`);
    const padded = ` ${token} `;
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= padded.length; start++) features.push(`c:${padded.slice(start, start + n)}`);
    }
  }
  return features;
}

const floats = (array: Float32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}
