import { Column } from 'typeorm';

/** Where an article's content is edited: a kb/ file, or the admin API. */
export type KbArticleSource = 'file' | 'api';
export const KB_ARTICLE_SOURCES: readonly KbArticleSource[] = ['file', 'api'];

/** The columns of an article's content, shared by the current article (kb_articles) and each of its versions. */
export abstract class KbArticleContentColumns {
  /** Where it comes from: `kb/shipping/track-your-order.md`, or `api:<id>` for an API article. */
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

  /** SHA-256 of the content fields (see articleContentHash). */
  @Column({ name: 'content_hash', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 8 })
  source: KbArticleSource;
}
