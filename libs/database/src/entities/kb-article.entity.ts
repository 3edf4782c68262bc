import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What the vector store holds for one kb/ file, so unchanged files are not re-embedded. */
@Entity('kb_articles')
export class KbArticleEntity {
  /** Path under kb/ without extension, e.g. `shipping/track-your-order`. */
  @PrimaryColumn({ length: 300 })
  id: string;

  /** File path relative to the repository, e.g. `kb/shipping/track-your-order.md`. */
  @Column({ length: 400 })
  path: string;

  @Column({ length: 300 })
  title: string;

  /** Markdown without front matter: what responses quote from. */
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

  /** Chroma collection the chunks were written to: a new embedding provider means a new collection. */
  @Column({ length: 200 })
  collection: string;

  @Column({ name: 'chunk_count', type: 'int' })
  chunkCount: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'indexed_at', type: 'timestamptz' })
  indexedAt: Date;
}
