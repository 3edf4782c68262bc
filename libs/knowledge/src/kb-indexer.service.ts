import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MarkdownTextSplitter } from '@langchain/textsplitters';
import { DataSource } from 'typeorm';
import { KbArticleEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { KbFileSyncReport, KbFileSyncService } from './kb-file-sync.service';

export const KB_PURPOSE = 'kb';

export interface KbIndexReport {
  /** Articles (re-)embedded: new or changed versions, from kb/ or the API. */
  indexed: number;
  /** Deleted articles whose chunks were removed. */
  unindexed: number;
  chunks: number;
}

export type KbSyncReport = KbFileSyncReport & KbIndexReport;

/**
 * Makes the Chroma collection follow kb_articles: an article is embedded when its version is not the
 * indexed one (chunk ids carry the version, so the new chunks replace the old ones), and a deleted one
 * loses its chunks and then its row. One process at a time (Postgres advisory lock), so rag-worker
 * replicas agree; whichever runs first does the work, the others find nothing pending.
 */
@Injectable()
export class KbIndexerService {
  private readonly logger = new Logger(KbIndexerService.name);
  private readonly splitter = new MarkdownTextSplitter({ chunkSize: 1000, chunkOverlap: 100 });

  constructor(
    private readonly files: KbFileSyncService,
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Brings kb/ files (all, or the given paths relative to KB_DIR) into Postgres, then the index up to date. */
  async sync(paths?: string[]): Promise<KbSyncReport> {
    const files = await this.files.sync(paths);
    return { ...files, ...(await this.index()) };
  }

  async index(): Promise<KbIndexReport> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('smartdesk.kb-index'))`);
      return await this.indexLocked();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('smartdesk.kb-index'))`).catch(() => undefined);
      await runner.release();
    }
  }

  private async indexLocked(): Promise<KbIndexReport> {
    const collection = this.chroma.collectionName(KB_PURPOSE);
    const rows = await this.dataSource.getRepository(KbArticleEntity).find({ order: { id: 'ASC' } });
    // A new or wiped Chroma volume holds fewer chunks than Postgres remembers: re-embed everything.
    const expected = rows.filter((row) => row.collection === collection).reduce((sum, row) => sum + row.chunkCount, 0);
    const rebuild = (await this.chroma.count(KB_PURPOSE)) !== expected;
    const report: KbIndexReport = { indexed: 0, unindexed: 0, chunks: 0 };
    const indexed: { row: KbArticleEntity; chunkCount: number }[] = [];
    const removed: KbArticleEntity[] = [];

    for (const row of rows) {
      if (row.deletedAt) {
        await this.chroma.deleteWhere(KB_PURPOSE, { articleId: row.id });
        removed.push(row);
      } else if (rebuild || row.collection !== collection || row.indexedVersion !== row.version) {
        indexed.push({ row, chunkCount: await this.indexArticle(row) });
      }
    }
    if (indexed.length + removed.length === 0) return report;

    // Rows change together, once Chroma holds the new chunks: retrievers see one new kb version
    // (KnowledgeRetrieverService.kbVersion) and rebuild their lexical index once per run.
    await this.dataSource.transaction(async (manager) => {
      const at = new Date();
      // Keyed on the version read: an edit committed meanwhile stays pending for the next run.
      for (const { row, chunkCount } of indexed) {
        await manager.update(KbArticleEntity, { id: row.id }, { collection, chunkCount, indexedVersion: row.version, indexedAt: at });
      }
      for (const row of removed) {
        const { affected } = await manager.delete(KbArticleEntity, { id: row.id, version: row.version });
        // Restored meanwhile: it has no chunks now, and its new version is embedded next run.
        if (!affected) await manager.update(KbArticleEntity, { id: row.id }, { chunkCount: 0, indexedVersion: null, indexedAt: at });
      }
    });
    report.indexed = indexed.length;
    report.unindexed = removed.length;
    report.chunks = indexed.reduce((sum, { chunkCount }) => sum + chunkCount, 0);
    this.logger.log(`knowledge base index updated: ${JSON.stringify(report)}`);
    return report;
  }

  private async indexArticle(article: KbArticleEntity): Promise<number> {
    const chunks = await this.splitter.splitText(article.body);
    const { id: articleId, version } = article;
    // New chunks first, then the old version's go: a search meanwhile still finds the article.
    await this.chroma.upsert(
      KB_PURPOSE,
      chunks.map((chunk, i) => ({
        id: `${articleId}@v${version}#${i}`,
        // The title travels with every chunk: it is often the best summary of what the chunk answers.
        document: `${article.title}\n${chunk}`,
        metadata: { articleId, title: article.title, category: article.category, language: article.language, source: article.source, version, chunk: i },
      })),
    );
    await this.chroma.deleteWhere(KB_PURPOSE, { $and: [{ articleId }, { version: { $ne: version } }] });
    return chunks.length;
  }
}
