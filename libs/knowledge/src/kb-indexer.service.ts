import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MarkdownTextSplitter } from '@langchain/textsplitters';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { KbArticleEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { KbArticle, readKnowledgeBase } from './kb-article';

export const KB_PURPOSE = 'kb';

export interface KbSyncReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  chunks: number;
}

/**
 * Makes the Chroma collection match kb/: only new or changed files are embedded, deleted ones are
 * removed. One process at a time (Postgres advisory lock), so replicas starting together agree.
 */
@Injectable()
export class KbIndexerService {
  private readonly logger = new Logger(KbIndexerService.name);
  private readonly splitter = new MarkdownTextSplitter({ chunkSize: 1000, chunkOverlap: 100 });

  constructor(
    private readonly env: Environment,
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async sync(): Promise<KbSyncReport> {
    const articles = await readKnowledgeBase(this.env.KB_DIR);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('smartdesk.kb-index'))`);
      return await this.syncLocked(articles);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('smartdesk.kb-index'))`).catch(() => undefined);
      await runner.release();
    }
  }

  private async syncLocked(articles: KbArticle[]): Promise<KbSyncReport> {
    const repository = this.dataSource.getRepository(KbArticleEntity);
    const collection = this.chroma.collectionName(KB_PURPOSE);
    const indexed = new Map((await repository.find()).map((row) => [row.id, row]));
    // A new or wiped Chroma volume holds fewer chunks than Postgres remembers: re-embed everything.
    const expected = [...indexed.values()].filter((row) => row.collection === collection).reduce((sum, row) => sum + row.chunkCount, 0);
    const rebuild = (await this.chroma.count(KB_PURPOSE)) !== expected;
    const report: KbSyncReport = { added: 0, updated: 0, removed: 0, unchanged: 0, chunks: 0 };
    const saved: Partial<KbArticleEntity>[] = [];

    for (const article of articles) {
      const row = indexed.get(article.id);
      indexed.delete(article.id);
      if (!rebuild && row?.contentHash === article.contentHash && row.collection === collection) {
        report.unchanged++;
        continue;
      }
      const version = row && row.contentHash !== article.contentHash ? row.version + 1 : (row?.version ?? 1);
      const chunkCount = await this.indexArticle(article, version);
      saved.push({ ...article, collection, chunkCount, version });
      report[row ? 'updated' : 'added']++;
      report.chunks += chunkCount;
    }
    for (const removed of indexed.values()) {
      await this.chroma.deleteWhere(KB_PURPOSE, { articleId: removed.id });
      report.removed++;
    }
    // Rows change together, once Chroma holds the new chunks: retrievers see one new kb version
    // (KnowledgeRetrieverService.kbVersion) and rebuild their lexical index once per sync.
    await this.dataSource.transaction(async (manager) => {
      // One row at a time: TypeORM sends a batch's updates in parallel on the transaction's one connection.
      for (const row of saved) await manager.save(KbArticleEntity, row);
      if (indexed.size > 0) await manager.delete(KbArticleEntity, [...indexed.keys()]);
    });
    this.logger.log(`knowledge base synced: ${JSON.stringify(report)}`);
    return report;
  }

  private async indexArticle(article: KbArticle, version: number): Promise<number> {
    const chunks = await this.splitter.splitText(article.body);
    await this.chroma.deleteWhere(KB_PURPOSE, { articleId: article.id });
    await this.chroma.upsert(
      KB_PURPOSE,
      chunks.map((chunk, i) => ({
        id: `${article.id}#${i}`,
        // The title travels with every chunk: it is often the best summary of what the chunk answers.
        document: `${article.title}\n${chunk}`,
        metadata: { articleId: article.id, title: article.title, category: article.category, language: article.language, version, chunk: i },
      })),
    );
    return chunks.length;
  }
}
