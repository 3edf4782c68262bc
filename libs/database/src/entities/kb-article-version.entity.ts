import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { KbArticleSource } from './kb-article.entity';

export type KbArticleChange = 'created' | 'updated' | 'deleted' | 'restored';

/** One version of a knowledge-base article: its content, and who changed it, when and how. Never updated. */
@Entity('kb_article_versions')
export class KbArticleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', length: 300 })
  articleId: string;

  @Column('int')
  version: number;

  @Column({ type: 'varchar', length: 8 })
  change: KbArticleChange;

  @Column({ type: 'varchar', length: 8 })
  source: KbArticleSource;

  @Column({ length: 400 })
  path: string;

  @Column({ length: 300 })
  title: string;

  @Column('text')
  body: string;

  @Column({ length: 64 })
  category: string;

  @Column({ length: 8 })
  language: string;

  @Column({ type: 'jsonb', default: [] })
  tags: string[];

  @Column({ name: 'content_hash', length: 64 })
  contentHash: string;

  /** An account's email, or `kb/ file watcher`. */
  @Column({ name: 'changed_by', length: 200 })
  changedBy: string;

  @Column({ name: 'changed_by_id', type: 'uuid', nullable: true })
  changedById: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
