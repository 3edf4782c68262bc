import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { KbArticleContentColumns } from './kb-article-content';

export type KbArticleChange = 'created' | 'updated' | 'deleted' | 'restored';

/** One version of a knowledge-base article: its content, and who changed it, when and how. Never updated. */
@Entity('kb_article_versions')
export class KbArticleVersionEntity extends KbArticleContentColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', length: 300 })
  articleId: string;

  @Column('int')
  version: number;

  @Column({ type: 'varchar', length: 8 })
  change: KbArticleChange;

  /** An account's email, or `kb/ file watcher`. */
  @Column({ name: 'changed_by', length: 200 })
  changedBy: string;

  @Column({ name: 'changed_by_id', type: 'uuid', nullable: true })
  changedById: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
