import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, FindOptionsWhere, ILike, IsNull } from 'typeorm';
import { IndexKbData, JobName, queueJobOptions, QueueName } from '@smartdesk/contracts';
import { KbArticleEntity, KbArticleVersionEntity, transactionAs } from '@smartdesk/database';
import { contentProblems, findNearDuplicates, InvalidArticleError, KbArticle, KbArticleStore, NearDuplicatePair, sameContent, toArticle } from '@smartdesk/knowledge/authoring';
import { auditActor, Principal } from '../auth/principal';
import { definedOnly } from '../common/defined-only';
import { Page } from '../common/page.query';
import { conflictOnUnique } from '../common/unique-violation';
import { apiArticlePath, articlesFromUpload } from './article-upload';
import { ListKbArticlesQuery } from './dto/list-kb-articles.query';
import { UpdateKbArticleDto } from './dto/update-kb-article.dto';

export type KbArticleView = Omit<KbArticleEntity, 'collection' | 'chunkCount' | 'indexedAt' | 'contentHash'> & { indexed: boolean };
export type KbArticleSummary = Omit<KbArticleView, 'body'>;
export type KbVersionView = Omit<KbArticleVersionEntity, 'id' | 'articleId'>;

/**
 * Admin authoring of the knowledge base. Writes land in Postgres (article and version, one audited
 * transaction), then an `index-kb` job brings every rag-worker's index up to date. Articles from kb/
 * files are edited in their file: the API refuses to change them (409), so a file and Postgres never disagree.
 */
@Injectable()
export class KbArticlesService {
  private readonly logger = new Logger(KbArticlesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: KbArticleStore,
    @InjectQueue(QueueName.Knowledge) private readonly queue: Queue,
  ) {}

  async list(query: ListKbArticlesQuery): Promise<Page<KbArticleSummary>> {
    const filter: FindOptionsWhere<KbArticleEntity> = { deletedAt: IsNull(), category: query.category, language: query.language, source: query.source };
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const where = pattern
      ? [
          { ...filter, title: ILike(pattern) },
          { ...filter, body: ILike(pattern) },
        ]
      : filter;
    const [rows, total] = await this.dataSource.getRepository(KbArticleEntity).findAndCount({
      where,
      order: { id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map((row) => summary(row)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The article in force (or, once deleted, its last version) and every version, newest first. */
  async get(id: string): Promise<(KbArticleView | KbVersionView) & { deleted: boolean; versions: KbVersionView[] }> {
    const [row, versions] = await Promise.all([this.dataSource.getRepository(KbArticleEntity).findOneBy({ id }), this.store.versions(id)]);
    if (row && !row.deletedAt) return { ...view(row), deleted: false, versions: versions.map(versionView) };
    if (versions.length === 0) throw new NotFoundException(`knowledge-base article ${id} not found`);
    return { ...versionView(versions[0]), deleted: true, versions: versions.map(versionView) };
  }

  async create(principal: Principal, body: unknown, contentType: string): Promise<{ articles: KbArticleView[] }> {
    const articles = unprocessableUnless(() => articlesFromUpload(body, contentType));
    const created = await this.writeAll(principal, async (manager) => {
      const rows: KbArticleEntity[] = [];
      for (const article of articles) {
        const existing = await this.store.lock(manager, article.id);
        if (existing && !existing.deletedAt) throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `article ${article.id} already exists (${existing.path})`, id: article.id });
        rows.push(await this.store.write(manager, article, 'api', 'created', auditActor(principal)));
      }
      return rows;
    });
    return { articles: created.map(view) };
  }

  async update(principal: Principal, id: string, dto: UpdateKbArticleDto): Promise<KbArticleView> {
    const [row] = await this.writeAll(principal, async (manager) => {
      const current = await this.editableOrFail(manager, id);
      if (dto.version !== current.version) {
        throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `article ${id} is at version ${current.version}, not ${dto.version}`, currentVersion: current.version });
      }
      const { version: _, ...changes } = dto;
      const fields = { title: current.title, body: current.body, category: current.category, language: current.language, tags: current.tags, ...definedOnly(changes) };
      const article = unprocessableUnless(() => validArticle(id, fields));
      if (sameContent(current, article)) return [current];
      return [await this.store.write(manager, article, 'api', 'updated', auditActor(principal))];
    });
    return view(row);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.writeAll(principal, async (manager) => {
      const current = await this.editableOrFail(manager, id);
      await this.store.markDeleted(manager, current, auditActor(principal));
      return [{ ...current, deletedAt: new Date() }];
    });
  }

  /** A new version with an earlier version's content; a deleted article comes back (as an API article). */
  async restore(principal: Principal, id: string, version: number): Promise<KbArticleView> {
    const earlier = await this.store.version(id, version);
    if (!earlier) throw new NotFoundException(`article ${id} has no version ${version}`);
    const [row] = await this.writeAll(principal, async (manager) => {
      const current = await this.store.lock(manager, id);
      if (current && !current.deletedAt) refuseFileArticle(current);
      const article = toArticle(id, apiArticlePath(id), { ...earlier });
      return [await this.store.write(manager, article, 'api', 'restored', auditActor(principal))];
    });
    return view(row);
  }

  async duplicates(threshold: number): Promise<{ threshold: number; pairs: NearDuplicatePair[] }> {
    return { threshold, pairs: findNearDuplicates(await this.store.liveTitles(), threshold) };
  }

  /** One audited transaction, then one index signal for what it wrote. */
  private async writeAll(principal: Principal, work: (manager: EntityManager) => Promise<KbArticleEntity[]>): Promise<KbArticleEntity[]> {
    const rows = await transactionAs(this.dataSource, auditActor(principal), work).catch(conflictOnUnique('the article was changed at the same time: read it again and retry'));
    const changed = rows.filter((row) => row.deletedAt || row.indexedVersion !== row.version).length;
    if (changed > 0) await this.signalIndex({ v: 1, requestedBy: principal.email, articles: changed });
    return rows;
  }

  /**
   * The change is committed either way: if Redis cannot take the job now, the index catches up at the
   * next index-kb job or rag-worker start, which index every pending version.
   */
  private async signalIndex(data: IndexKbData): Promise<void> {
    try {
      await this.queue.add(JobName.IndexKb, data, queueJobOptions(QueueName.Knowledge));
    } catch (error) {
      this.logger.warn(`could not queue the index of ${data.articles} article change(s): ${(error as Error).message}`);
    }
  }

  private async editableOrFail(manager: EntityManager, id: string): Promise<KbArticleEntity> {
    const current = await this.store.lock(manager, id);
    if (!current || current.deletedAt) throw new NotFoundException(`knowledge-base article ${id} not found`);
    refuseFileArticle(current);
    return current;
  }
}

/** kb/ is the source of a file article: an API edit would be overwritten by the next change to the file. */
function refuseFileArticle(row: KbArticleEntity): void {
  if (row.source !== 'file') return;
  throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `article ${row.id} comes from ${row.path}: edit or delete that file instead`, path: row.path });
}

function validArticle(id: string, fields: Record<string, unknown>): KbArticle {
  const problems = contentProblems(fields);
  if (problems.length > 0) throw new InvalidArticleError(problems);
  return toArticle(id, apiArticlePath(id), fields);
}

function unprocessableUnless<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InvalidArticleError)) throw error;
    throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: error.problems });
  }
}

function view({ collection: _, chunkCount: __, indexedAt: ___, contentHash: ____, ...row }: KbArticleEntity): KbArticleView {
  return { ...row, indexed: row.indexedVersion === row.version };
}

function summary(row: KbArticleEntity): KbArticleSummary {
  const { body: _, ...rest } = view(row);
  return rest;
}

function versionView({ id: _, articleId: __, ...version }: KbArticleVersionEntity): KbVersionView {
  return version;
}
