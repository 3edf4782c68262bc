import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { KbArticleEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { KB_PURPOSE } from './kb-indexer.service';

export interface ArticleHit {
  article: KbArticleEntity;
  /** Best chunk similarity, nudged up for the customer's language and predicted category. */
  score: number;
}

export interface RetrievalQuery {
  text: string;
  language?: string | null;
  category?: string | null;
  limit?: number;
}

const LANGUAGE_BOOST = 0.05;
const CATEGORY_BOOST = 0.03;

/** Finds the knowledge-base articles that best answer a text, best first. */
@Injectable()
export class KnowledgeRetrieverService {
  constructor(
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(query: RetrievalQuery): Promise<ArticleHit[]> {
    const limit = query.limit ?? 3;
    const chunks = await this.chroma.query(KB_PURPOSE, query.text, limit * 4);
    const best = new Map<string, number>();
    for (const chunk of chunks) {
      const articleId = String(chunk.metadata.articleId);
      let score = chunk.score;
      if (query.language && chunk.metadata.language === query.language) score += LANGUAGE_BOOST;
      if (query.category && chunk.metadata.category === query.category) score += CATEGORY_BOOST;
      best.set(articleId, Math.max(best.get(articleId) ?? -1, score));
    }
    const ranked = [...best].sort((a, b) => b[1] - a[1]).slice(0, limit);
    if (ranked.length === 0) return [];
    const articles = await this.dataSource.getRepository(KbArticleEntity).findBy({ id: In(ranked.map(([id]) => id)) });
    const byId = new Map(articles.map((article) => [article.id, article]));
    return ranked.filter(([id]) => byId.has(id)).map(([id, score]) => ({ article: byId.get(id)!, score: Math.min(1, score) }));
  }
}
