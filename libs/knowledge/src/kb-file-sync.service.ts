import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { KbArticleEntity, transactionAs } from '@smartdesk/database';
import { KbArticle } from './kb-article';
import { FILE_WATCHER, KbArticleStore, sameContent } from './kb-article.store';
import { findNearDuplicates } from './kb-duplicates';
import { KbFile, listKbFiles, readKbFile } from './kb-files';

export interface KbFileSyncReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Files that could not be read, with every reason; their articles stay as they were. */
  invalid: { path: string; problems: string[] }[];
  /** Articles of valid files that were not written, and why (their id belongs to another source). */
  skipped: { id: string; path: string; reason: string }[];
}

/**
 * Brings kb/ files into Postgres, the store of record: new and changed articles become new versions,
 * articles whose file (or FAQ entry) is gone are deleted. Only `source = 'file'` articles are touched:
 * an id an API article holds is skipped. One writer at a time (transaction-level advisory lock).
 */
@Injectable()
export class KbFileSyncService {
  private readonly logger = new Logger(KbFileSyncService.name);

  constructor(
    private readonly env: Environment,
    private readonly store: KbArticleStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Syncs the given files (paths relative to KB_DIR, e.g. after a watch event), or all of kb/. */
  async sync(paths?: string[]): Promise<KbFileSyncReport> {
    const scope = new Set(paths ?? [...(await listKbFiles(this.env.KB_DIR)), ...(await this.knownFilePaths())]);
    const files = (await Promise.all([...scope].sort().map((path) => readKbFile(this.env.KB_DIR, path)))).filter((file): file is KbFile => file !== null);
    const report: KbFileSyncReport = { added: 0, updated: 0, removed: 0, unchanged: 0, invalid: [], skipped: [] };
    const articles: KbArticle[] = [];
    for (const file of files) {
      if ('error' in file) report.invalid.push({ path: `kb/${file.path}`, problems: file.error.problems });
      else articles.push(...file.articles);
    }
    // An invalid file keeps its articles: the previous version stays indexed until the file is fixed.
    const invalid = new Set(report.invalid.map((file) => file.path));
    const inScope = new Set([...scope].map((path) => `kb/${path}`));

    const changed = await transactionAs(this.dataSource, FILE_WATCHER, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('smartdesk.kb-files'))`);
      const rows = await this.rowsConcerned(manager, inScope, articles);
      const provided = await this.writeArticles(manager, articles, rows, inScope, report);
      for (const row of rows.values()) {
        if (row.source !== 'file' || row.deletedAt || !inScope.has(row.path) || invalid.has(row.path) || provided.has(row.id)) continue;
        await this.store.markDeleted(manager, row, FILE_WATCHER);
        report.removed++;
      }
      return report.added + report.updated + report.removed;
    });

    for (const file of report.invalid) this.logger.warn(`kb/ file rejected, its previous version stays indexed: ${file.problems.join('; ')}`);
    for (const skipped of report.skipped) this.logger.warn(`${skipped.path}: article '${skipped.id}' not synced: ${skipped.reason}`);
    if (changed > 0) await this.logDuplicates(articles.map((article) => article.id));
    return report;
  }

  /** The rows of the files in scope and of the articles they hold now. */
  private async rowsConcerned(manager: EntityManager, inScope: Set<string>, articles: KbArticle[]): Promise<Map<string, KbArticleEntity>> {
    const where = [...(inScope.size > 0 ? [{ path: In([...inScope]) }] : []), ...(articles.length > 0 ? [{ id: In(articles.map((article) => article.id)) }] : [])];
    const rows = where.length > 0 ? await manager.find(KbArticleEntity, { where }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Writes each article that is new or changed; returns the ids that kb/ still provides (written or unchanged). */
  private async writeArticles(manager: EntityManager, articles: KbArticle[], rows: Map<string, KbArticleEntity>, inScope: Set<string>, report: KbFileSyncReport): Promise<Set<string>> {
    const provided = new Set<string>();
    const providedBy = new Map<string, string>();
    for (const article of articles) {
      const row = rows.get(article.id);
      const live = row && !row.deletedAt ? row : undefined;
      const conflict = providedBy.has(article.id)
        ? `${providedBy.get(article.id)} has the same article id`
        : live?.source === 'api'
          ? 'an article created through the API has this id (delete it there first)'
          : live && live.path !== article.path && !inScope.has(live.path)
            ? `${live.path} has the same article id`
            : undefined;
      if (conflict) {
        report.skipped.push({ id: article.id, path: article.path, reason: conflict });
        continue;
      }
      providedBy.set(article.id, article.path);
      provided.add(article.id);
      if (live && live.path === article.path && sameContent(live, article)) {
        report.unchanged++;
        continue;
      }
      await this.store.write(manager, article, 'file', live ? 'updated' : 'created', FILE_WATCHER);
      report[live ? 'updated' : 'added']++;
    }
    return provided;
  }

  /** Paths of the files the stored articles came from, so a file deleted while no one watched is noticed. */
  private async knownFilePaths(): Promise<string[]> {
    const rows: { path: string }[] = await this.dataSource.query(`SELECT DISTINCT path FROM kb_articles WHERE source = 'file' AND deleted_at IS NULL`);
    return rows.map((row) => row.path.replace(/^kb\//, ''));
  }

  private async logDuplicates(changedIds: string[]): Promise<void> {
    const changed = new Set(changedIds);
    const pairs = findNearDuplicates(await this.store.liveTitles()).filter((pair) => changed.has(pair.a.id) || changed.has(pair.b.id));
    for (const pair of pairs) this.logger.warn(`near-duplicate questions (${pair.similarity}): '${pair.a.id}' "${pair.a.title}" ~ '${pair.b.id}' "${pair.b.title}"`);
  }
}
