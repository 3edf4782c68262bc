import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditActor, KbArticleChange, KbArticleEntity, KbArticleSource, KbArticleVersionEntity } from '@smartdesk/database';
import { ArticleContent, KbArticle } from './kb-article';
import { DuplicateCandidate } from './kb-duplicates';

/** Who kb/ file changes are recorded as. */
export const FILE_WATCHER: AuditActor = { id: null, label: 'kb/ file watcher' };

/**
 * Knowledge-base articles in Postgres, the store of record: the current content in kb_articles and
 * every version in kb_article_versions, written together in the caller's transaction. The vector index
 * follows these rows (KbIndexerService), whoever wrote them: a kb/ file or an admin through the API.
 */
@Injectable()
export class KbArticleStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The article's row, locked until the transaction ends; null when there is none. */
  lock(manager: EntityManager, id: string): Promise<KbArticleEntity | null> {
    return manager.findOne(KbArticleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Makes `article` the current content as a new version (created, updated or restored), clearing a
   * pending deletion. Index columns are left alone: the indexer sees the new version and re-embeds.
   */
  async write(manager: EntityManager, article: KbArticle, source: KbArticleSource, change: KbArticleChange, actor: AuditActor): Promise<KbArticleEntity> {
    const version = await this.nextVersion(manager, article.id);
    await manager.query(
      `INSERT INTO kb_articles (id, path, title, body, category, language, tags, content_hash, source, version, updated_by, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), NULL)
       ON CONFLICT (id) DO UPDATE SET path = $2, title = $3, body = $4, category = $5, language = $6, tags = $7, content_hash = $8,
         source = $9, version = $10, updated_by = $11, updated_at = now(), deleted_at = NULL`,
      [article.id, article.path, article.title, article.body, article.category, article.language, JSON.stringify(article.tags), article.contentHash, source, version, actor.label],
    );
    await this.record(manager, { ...article, source, version }, change, actor);
    return manager.findOneByOrFail(KbArticleEntity, { id: article.id });
  }

  /** Deletes an article as a new version; its row stays, marked, until the indexer has removed its chunks. */
  async markDeleted(manager: EntityManager, row: KbArticleEntity, actor: AuditActor): Promise<number> {
    const version = await this.nextVersion(manager, row.id);
    await manager.update(KbArticleEntity, { id: row.id }, { version, deletedAt: () => 'now()', updatedBy: actor.label, updatedAt: () => 'now()' });
    await this.record(manager, { ...row, version }, 'deleted', actor);
    return version;
  }

  /** Every version of an article, newest first. */
  versions(id: string): Promise<KbArticleVersionEntity[]> {
    return this.dataSource.getRepository(KbArticleVersionEntity).find({ where: { articleId: id }, order: { version: 'DESC' } });
  }

  version(id: string, version: number): Promise<KbArticleVersionEntity | null> {
    return this.dataSource.getRepository(KbArticleVersionEntity).findOneBy({ articleId: id, version });
  }

  /** Titles of the articles in force, for near-duplicate detection. */
  liveTitles(): Promise<DuplicateCandidate[]> {
    return this.dataSource.getRepository(KbArticleEntity).find({ select: { id: true, title: true, language: true }, where: { deletedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** Versions continue across a deletion and a re-creation: history never repeats a number. */
  private async nextVersion(manager: EntityManager, id: string): Promise<number> {
    const [{ last }] = await manager.query(`SELECT coalesce(max(version), 0)::int AS last FROM kb_article_versions WHERE article_id = $1`, [id]);
    return last + 1;
  }

  private async record(
    manager: EntityManager,
    article: ArticleContent & { id: string; path: string; contentHash: string; source: KbArticleSource; version: number },
    change: KbArticleChange,
    actor: AuditActor,
  ): Promise<void> {
    await manager.insert(KbArticleVersionEntity, {
      articleId: article.id,
      version: article.version,
      change,
      source: article.source,
      path: article.path,
      title: article.title,
      body: article.body,
      category: article.category,
      language: article.language,
      tags: article.tags,
      contentHash: article.contentHash,
      changedBy: actor.label,
      changedById: actor.id,
    });
  }
}

/** Whether a row already holds exactly this content (whatever hash an older release stored). */
export function sameContent(row: ArticleContent, article: ArticleContent): boolean {
  return (
    row.title === article.title && row.body === article.body && row.category === article.category && row.language === article.language && JSON.stringify(row.tags) === JSON.stringify(article.tags)
  );
}
