import { Column, Entity, PrimaryColumn } from 'typeorm';
import { KbArticleContentColumns } from './kb-article-content';

/**
 * One knowledge-base article: its current content (the store of record, from kb/ or the API) and
 * what the vector index holds of it. The indexer embeds an article whenever `version` and
 * `indexedVersion` differ, and removes a deleted one's chunks before dropping its row.
 */
@Entity('kb_articles')
export class KbArticleEntity extends KbArticleContentColumns {
  /** e.g. `shipping/track-your-order` (a kb/ file without extension), `faq/general/q1` (a JSON FAQ entry). */
  @PrimaryColumn({ length: 300 })
  id: string;

  /** The content's version; kb_article_versions holds every one. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'updated_by', length: 200 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Set when the article was deleted; the row goes once the index has dropped its chunks. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Chroma collection the chunks were written to: a new embedding provider means a new collection. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  collection: string | null;

  @Column({ name: 'chunk_count', type: 'int', default: 0 })
  chunkCount: number;

  /** The version whose chunks the collection holds; null until first indexed. */
  @Column({ name: 'indexed_version', type: 'int', nullable: true })
  indexedVersion: number | null;

  @Column({ name: 'indexed_at', type: 'timestamptz', nullable: true })
  indexedAt: Date | null;
}
