import { englishPivot, SentenceEncoder, tokenize } from '@smartdesk/nlp';
import type { WordVectors } from './word-vectors';

/** English contractions as GloVe's tokenizer split them ("don't" → "do" + "not"); the vocabulary has no "n't". */
const CONTRACTION = /^(.+?)(n't|'s|'re|'ve|'m|'ll|'d)$/;
const EXPANSIONS: Record<string, string> = { "n't": 'not', "'re": 'are', "'ve": 'have', "'m": 'am', "'ll": 'will', "'d": 'would', "'s": '' };
const IRREGULAR_STEMS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

/** SIF smoothing constant: words much more frequent than this are weighted down (Arora et al. use 1e-3 to 1e-4). */
const SIF_A = 1e-3;
/** The common component is estimated from this many of the most frequent words. */
const COMMON_COMPONENT_WORDS = 5000;

/**
 * Smooth-inverse-frequency sentence embeddings (Arora, Liang & Ma, 2017): a weighted average of the
 * word vectors, each weighted a / (a + p(word)), minus the projection on the vectors' common
 * component, L2-normalised. Word probabilities come from the vocabulary's frequency rank (Zipf's law),
 * and the common component from the most frequent words, so an embedding never depends on the corpus.
 */
export class SifSentenceEncoder implements SentenceEncoder {
  /** Names the word vectors and the weighting; change it when either changes, so stored models are retrained. */
  readonly id = 'wink-glove-100d-sif-v1';
  private readonly weights: Float32Array;
  private readonly commonComponent: Float64Array;

  constructor(private readonly words: WordVectors) {
    const harmonic = Math.log(words.size) + 0.5772;
    this.weights = Float32Array.from({ length: words.size }, (_, rank) => SIF_A / (SIF_A + 1 / ((rank + 1) * harmonic)));
    this.commonComponent = firstPrincipalComponent(words, Math.min(COMMON_COMPONENT_WORDS, words.size));
  }

  get dimension(): number {
    return this.words.dimension;
  }

  /** The unit sentence vector; all zeros when no word of the text is in the vocabulary. */
  encode(text: string): Float64Array {
    const vector = new Float64Array(this.words.dimension);
    for (const word of vocabularyTokens(text)) {
      const row = this.words.rowOf(word);
      if (row !== undefined) this.words.addTo(vector, row, this.weights[row]);
    }
    const projection = dot(vector, this.commonComponent);
    for (let d = 0; d < vector.length; d++) vector[d] -= projection * this.commonComponent[d];
    const norm = Math.sqrt(dot(vector, vector));
    if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] /= norm;
    return vector;
  }
}

/**
 * Folded word tokens with contractions expanded the way the vocabulary spells them. A text in another
 * language is read through its English glosses: its own words in an English vocabulary are rare
 * loanwords and names, which SIF would weigh most.
 */
export function vocabularyTokens(text: string): string[] {
  const { glosses } = englishPivot(text);
  if (glosses.length > 0) return glosses;
  const tokens: string[] = [];
  for (const token of tokenize(text)) {
    const match = CONTRACTION.exec(token);
    if (!match) {
      tokens.push(token);
      continue;
    }
    tokens.push(IRREGULAR_STEMS[match[1]] && match[2] === "n't" ? IRREGULAR_STEMS[match[1]] : match[1]);
    if (EXPANSIONS[match[2]]) tokens.push(EXPANSIONS[match[2]]);
  }
  return tokens;
}

/** First principal component (uncentred, by power iteration) of the first `count` word vectors. */
function firstPrincipalComponent(words: WordVectors, count: number): Float64Array {
  const dimension = words.dimension;
  let component = new Float64Array(dimension).fill(1 / Math.sqrt(dimension));
  const row = new Float64Array(dimension);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Float64Array(dimension);
    for (let r = 0; r < count; r++) {
      row.fill(0);
      words.addTo(row, r, 1);
      const projection = dot(row, component);
      for (let d = 0; d < dimension; d++) next[d] += projection * row[d];
    }
    const norm = Math.sqrt(dot(next, next)) || 1;
    component = next.map((value) => value / norm);
  }
  return component;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d];
  return sum;
}
