import type { EmbeddingProvider } from '../embedding-provider';
import { HashingEmbeddingProvider } from '../hashing-embedding.provider';
import { SifSentenceEncoder } from './sif-sentence-encoder';
import { loadWordVectors } from './word-vectors.cache';

/** Share of the cosine similarity that comes from the word vectors; the rest from the hashed lexical features. */
const SEMANTIC_SHARE = 0.4;

/**
 * Offline default: a SIF sentence embedding over GloVe word vectors (meaning: "card hasn't arrived"
 * ~ "still waiting for my card") concatenated with the hashed words and character n-grams of the
 * hashing provider (exact terms, typos, any language). Both halves are unit vectors scaled by
 * √share, so the cosine of two embeddings is 0.4 × the semantic cosine + 0.6 × the lexical one.
 */
export class GloveEmbeddingProvider implements EmbeddingProvider {
  /** v2: texts in other languages are embedded through their English glosses (a new collection, indexed afresh). */
  readonly id = 'glove-sif-v2';
  /** Mean cosine of pairs of unrelated English requests (different CLINC150 intents): word vectors share a common direction. */
  readonly unrelatedSimilarity = 0.14;
  readonly dimension: number;
  private readonly semanticScale = Math.sqrt(SEMANTIC_SHARE);
  private readonly lexicalScale = Math.sqrt(1 - SEMANTIC_SHARE);

  constructor(
    private readonly encoder: SifSentenceEncoder,
    private readonly lexical = new HashingEmbeddingProvider(),
  ) {
    this.dimension = encoder.dimension + lexical.dimension;
  }

  /** Reads the word vectors from the cache in `cacheDir` (built on first use). */
  static async load(cacheDir: string, source?: string): Promise<GloveEmbeddingProvider> {
    return new GloveEmbeddingProvider(new SifSentenceEncoder(await loadWordVectors(cacheDir, source)));
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const semantic = this.encoder.encode(text);
    const lexical = this.lexical.embedOne(text);
    // Without a known word only the lexical half is left; keep the vector at unit length.
    const hasSemantic = semantic.some((value) => value !== 0);
    const semanticScale = hasSemantic ? this.semanticScale : 0;
    const lexicalScale = hasSemantic ? this.lexicalScale : 1;
    const vector = new Array<number>(this.dimension);
    for (let d = 0; d < semantic.length; d++) vector[d] = semantic[d] * semanticScale;
    for (let d = 0; d < lexical.length; d++) vector[semantic.length + d] = lexical[d] * lexicalScale;
    return vector;
  }
}
