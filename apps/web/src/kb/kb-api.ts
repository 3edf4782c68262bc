import type { Page } from '../api/api-types';

export type KbArticleSource = 'file' | 'api';

/** An article in a list (GET /api/kb/articles): everything but its body. */
export interface KbArticleSummary {
  id: string;
  /** `kb/shipping/track-your-order.md` for a file article, `api:<id>` for an API one */
  path: string;
  title: string;
  category: string;
  language: string;
  tags: string[];
  source: KbArticleSource;
  version: number;
  updatedBy: string;
  updatedAt: string;
  deletedAt: string | null;
  indexedVersion: number | null;
  /** The search index holds the current version. */
  indexed: boolean;
}

export type KbArticleChange = 'created' | 'updated' | 'deleted' | 'restored';

export interface KbArticleVersion {
  path: string;
  title: string;
  body: string;
  category: string;
  language: string;
  tags: string[];
  source: KbArticleSource;
  version: number;
  change: KbArticleChange;
  changedBy: string;
  changedById: string | null;
  changedAt: string;
}

/** GET /api/kb/articles/:id: the article (or its last version once deleted) with every version, newest first. */
export type KbArticleDetail = ((KbArticleSummary & { body: string; deleted: false }) | (KbArticleVersion & { id?: string; deleted: true })) & { versions: KbArticleVersion[] };

export type KbArticlePage = Page<KbArticleSummary>;

export interface NearDuplicatePair {
  a: { id: string; title: string; language: string };
  b: { id: string; title: string; language: string };
  similarity: number;
}

/** Article ids hold slashes (`shipping/track-your-order`): one path segment on the wire. */
export const articlePath = (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`;

/** Where the screens of an article live in the app (the id's slashes kept readable: the route takes the rest of the path). */
export const articleScreen = (id: string) => `/kb/article/${id}`;
export const editScreen = (id: string) => `/kb/edit/${id}`;
