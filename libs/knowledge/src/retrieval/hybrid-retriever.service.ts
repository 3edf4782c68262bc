import { Injectable, Logger } from '@nestjs/common';
import type { Metadata, Where } from 'chromadb';
import { ChromaService } from '@smartdesk/vector-store';
import { Bm25Index, FieldValue, LexicalDocument } from './bm25-index';
import { reciprocalRankFusion, RRF_K } from './reciprocal-rank-fusion';

export interface Preference {
  field: string;
  value: FieldValue;
  /** In first-place votes: 1 moves a chunk up as much as topping one more ranking would. */
  weight: number;
}

export interface ChunkQuery {
  text: string;
  /** The text's embedding, when the caller already has it (one embedding serves several searches). */
  embedding?: number[];
  limit: number;
  /** Only chunks whose metadata has all of these values. */
  where?: Record<string, FieldValue>;
  /** Chunks whose metadata has these values rank higher, others stay in. */
  prefer?: Preference[];
  /**
   * Names the collection's current content (e.g. a fingerprint of the kb rows). The lexical index
   * is rebuilt from the Chroma collection when it changes, so every replica's BM25 index matches
   * what Chroma holds.
   */
  version: string;
}

export interface ChunkHit {
  id: string;
  metadata: Metadata;
  /**
   * Cosine similarity of query and chunk embeddings, rescaled so that unrelated text scores about 0
   * with any provider (see EmbeddingProvider.unrelatedSimilarity): the evidence a confidence rests on.
   */
  score: number;
  /** Reciprocal-rank-fusion score of the dense and lexical rankings (what the order is by). */
  fusedScore: number;
}

interface LexicalEntry {
  version: string;
  index: Promise<Bm25Index>;
}

/** Candidates taken from each ranking before fusion. */
const MIN_DEPTH = 50;

/**
 * Hybrid retrieval over one Chroma collection: dense nearest neighbours from Chroma and BM25 over the
 * same chunks, fused by reciprocal rank. Used by the rag-worker (through KnowledgeRetrieverService)
 * and by `npm run eval -- retrieve`.
 */
@Injectable()
export class HybridRetrieverService {
  private readonly logger = new Logger(HybridRetrieverService.name);
  private readonly lexical = new Map<string, LexicalEntry>();

  constructor(private readonly chroma: ChromaService) {}

  async search(purpose: string, query: ChunkQuery): Promise<ChunkHit[]> {
    const depth = Math.max(MIN_DEPTH, query.limit * 5);
    const where = query.where ?? {};
    const embedding = query.embedding ?? (await this.chroma.embeddings.embed([query.text]))[0];
    const [nearest, index] = await Promise.all([
      // Ids and scores only: the lexical index holds every chunk's fields.
      this.chroma.queryByVector(purpose, embedding, depth, chromaWhere(where), { metadata: false }),
      this.lexicalIndex(purpose, query.version),
    ]);
    const lexical = index.search(query.text, depth, where);
    // A chunk Chroma has and the index not yet (a sync committing right now) waits for the next version.
    const similarity = new Map(nearest.filter((hit) => index.fieldsOf(hit.id)).map((hit) => [hit.id, hit.score]));
    const fused = reciprocalRankFusion([{ ids: [...similarity.keys()] }, { ids: lexical.map((hit) => hit.id) }]);
    for (const [id, score] of fused) {
      const fields = index.fieldsOf(id);
      const bonus = (query.prefer ?? []).reduce((sum, { field, value, weight }) => sum + (fields?.[field] === value ? weight / (RRF_K + 1) : 0), 0);
      fused.set(id, score + bonus);
    }
    const top = [...fused].sort((a, b) => b[1] - a[1] || (similarity.get(b[0]) ?? -1) - (similarity.get(a[0]) ?? -1)).slice(0, query.limit);
    // Chunks only BM25 found: their similarity, in one request.
    const missing = top.map(([id]) => id).filter((id) => !similarity.has(id));
    for (const hit of await this.chroma.scoreByIds(purpose, missing, embedding)) similarity.set(hit.id, hit.score);
    const unrelated = this.chroma.embeddings.unrelatedSimilarity ?? 0;
    return top.filter(([id]) => similarity.has(id)).map(([id, fusedScore]) => ({ id, metadata: index.fieldsOf(id)!, score: evidenceScore(similarity.get(id)!, unrelated), fusedScore }));
  }

  /** Forgets a purpose's lexical index, e.g. after its collection was dropped. */
  invalidate(purpose: string): void {
    this.lexical.delete(purpose);
  }

  /** The purpose's BM25 index for `version`; one rebuild at a time, shared by the searches waiting for it. */
  private lexicalIndex(purpose: string, version: string): Promise<Bm25Index> {
    const current = this.lexical.get(purpose);
    if (current?.version === version) return current.index;
    const index = this.buildLexicalIndex(purpose);
    const entry = { version, index };
    this.lexical.set(purpose, entry);
    index.catch(() => this.lexical.get(purpose) === entry && this.lexical.delete(purpose));
    return index;
  }

  private async buildLexicalIndex(purpose: string): Promise<Bm25Index> {
    const started = performance.now();
    const documents: LexicalDocument[] = [];
    for await (const page of this.chroma.scan(purpose)) {
      for (const record of page) documents.push({ id: record.id, text: record.document, fields: scalarFields(record.metadata) });
    }
    const index = Bm25Index.build(documents);
    this.logger.log(`lexical index for '${purpose}': ${index.size} chunks in ${Math.round(performance.now() - started)} ms`);
    return index;
  }
}

/** A cosine similarity rescaled so that text unrelated under the provider (its `unrelatedSimilarity`) scores about 0. */
export function evidenceScore(similarity: number, unrelated: number): number {
  return (similarity - unrelated) / (1 - unrelated);
}

function chromaWhere(where: Record<string, FieldValue>): Where | undefined {
  const conditions = Object.entries(where).map(([field, value]) => ({ [field]: value }) as Where);
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

function scalarFields(metadata: Metadata): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return fields;
}
