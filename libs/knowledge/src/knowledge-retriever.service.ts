import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { KbArticleEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { KB_PURPOSE } from './kb-indexer.service';
import { HybridRetrieverService, Preference } from './retrieval/hybrid-retriever.service';

export interface ArticleHit {
  article: KbArticleEntity;
  /** Best chunk similarity, nudged up for the customer's language and predicted category. */
  score: number;
  /** Hybrid (dense + BM25) rank-fusion score of the article's best chunk: what hits are ordered by. */
  fusedScore: number;
}

export interface RetrievalQuery {
  text: string;
  /** The text's embedding, when the caller already has it. */
  embedding?: number[];
  /** Preferred language: articles in it rank and score higher, others still count. */
  language?: string | null;
  /** Preferred (e.g. predicted) category, as for language. */
  category?: string | null;
  /** Hard filters: only articles with exactly these values. */
  filter?: { category?: string; language?: string };
  limit?: number;
}

/** Added to a hit's similarity when it shares the customer's language or the predicted category (also for solved tickets). */
export const LANGUAGE_BOOST = 0.05;
export const CATEGORY_BOOST = 0.03;
/** Rank-fusion preferences, in first-place votes (see HybridRetrieverService). */
const LANGUAGE_PREFERENCE = 0.5;
const CATEGORY_PREFERENCE = 0.25;
/**
 * Other languages are read through English glosses, so two non-English texts look alike for their glosses alone
 * (a French question meets the Spanish article before the English one). After the customer's own language,
 * English articles are preferred: the pivot, and the one language most customers read besides their own.
 */
const PIVOT_LANGUAGE = 'en';
const PIVOT_PREFERENCE = 0.25;
/** Chunks fetched per article asked for: an article often has several matching chunks. */
const CHUNKS_PER_ARTICLE = 4;

/** Finds the knowledge-base articles that best answer a text, best first (hybrid dense + lexical retrieval). */
@Injectable()
export class KnowledgeRetrieverService {
  private versionRead?: Promise<string>;
  private cachedArticles: { version: string; byId: Map<string, KbArticleEntity> } = { version: '', byId: new Map() };

  constructor(
    private readonly hybrid: HybridRetrieverService,
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(query: RetrievalQuery): Promise<ArticleHit[]> {
    const limit = query.limit ?? 3;
    const prefer: Preference[] = [];
    if (query.language) prefer.push({ field: 'language', value: query.language, weight: LANGUAGE_PREFERENCE });
    if (query.language && query.language !== PIVOT_LANGUAGE) prefer.push({ field: 'language', value: PIVOT_LANGUAGE, weight: PIVOT_PREFERENCE });
    if (query.category) prefer.push({ field: 'category', value: query.category, weight: CATEGORY_PREFERENCE });
    const where = Object.fromEntries(Object.entries(query.filter ?? {}).filter(([, value]) => value !== undefined)) as Record<string, string>;
    const version = await this.kbVersion();
    const chunks = await this.hybrid.search(KB_PURPOSE, { text: query.text, embedding: query.embedding, limit: limit * CHUNKS_PER_ARTICLE, where, prefer, version });

    const best = new Map<string, { score: number; fusedScore: number }>();
    for (const chunk of chunks) {
      const articleId = String(chunk.metadata.articleId);
      let score = chunk.score;
      if (query.language && chunk.metadata.language === query.language) score += LANGUAGE_BOOST;
      if (query.category && chunk.metadata.category === query.category) score += CATEGORY_BOOST;
      const seen = best.get(articleId);
      // Chunks arrive best-fused first: the first one fixes the article's rank, the best similarity its score.
      best.set(articleId, { score: Math.max(seen?.score ?? -1, score), fusedScore: seen?.fusedScore ?? chunk.fusedScore });
    }
    const ranked = [...best].slice(0, limit);
    if (ranked.length === 0) return [];
    const byId = await this.articles(
      version,
      ranked.map(([id]) => id),
    );
    return ranked.filter(([id]) => byId.has(id)).map(([id, { score, fusedScore }]) => ({ article: byId.get(id)!, score: Math.min(1, score), fusedScore }));
  }

  /** Articles by id, read once per kb version: rows change only with a sync, and a sync moves the version. */
  private async articles(version: string, ids: string[]): Promise<Map<string, KbArticleEntity>> {
    if (this.cachedArticles.version !== version) this.cachedArticles = { version, byId: new Map() };
    const cache = this.cachedArticles.byId;
    const missing = ids.filter((id) => !cache.has(id));
    if (missing.length > 0) {
      const rows = await this.dataSource.getRepository(KbArticleEntity).findBy({ id: In(missing), deletedAt: IsNull() });
      for (const row of rows) cache.set(row.id, row);
    }
    return new Map(ids.filter((id) => cache.has(id)).map((id) => [id, cache.get(id)!]));
  }

  /**
   * Changes whenever a kb sync commits (rows are written in one transaction at its end): a new or
   * changed article moves max(indexed_at), a removed one lowers the count. Concurrent searches share one read.
   */
  private kbVersion(): Promise<string> {
    this.versionRead ??= this.dataSource
      .query(`SELECT count(*)::int AS n, max(indexed_at) AS at FROM kb_articles WHERE collection = $1`, [this.chroma.collectionName(KB_PURPOSE)])
      .then(([row]) => `${row.n}:${row.at ? new Date(row.at).toISOString() : '-'}`)
      .finally(() => (this.versionRead = undefined));
    return this.versionRead;
  }
}
