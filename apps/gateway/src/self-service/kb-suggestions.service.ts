import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KbSuggestionsQuery } from './dto/kb-suggestions.query';

export interface KbSuggestion {
  id: string;
  title: string;
  excerpt: string;
  language: string;
}

export interface PublicArticle {
  id: string;
  title: string;
  body: string;
  language: string;
  category: string;
  updatedAt: Date;
}

/** Postgres's stemming configuration per article language; Chinese and Japanese get word-level matching only. */
const TEXT_SEARCH_CONFIG = `(CASE a.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
  WHEN 'de' THEN 'german' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig`;

const EXCERPT_CHARS = 180;

/**
 * Articles for a customer who is still typing. Full-text search in Postgres, not the vector index: it is
 * cheap enough to answer anonymous keystrokes, and needs no Chroma or embedding work per request.
 * An article need not contain every word typed (a sentence rarely does), but at least a third of them: one
 * shared word of a long question ("angekommen" in a password article) is not a match. The title weighs most.
 */
@Injectable()
export class KbSuggestionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async suggest(query: KbSuggestionsQuery): Promise<KbSuggestion[]> {
    const language = query.language ?? 'en';
    const rows = await this.dataSource.query<{ id: string; title: string; body: string; language: string }[]>(
      `SELECT a.id, a.title, left(a.body, 1000) AS body, a.language
         FROM kb_articles a
        CROSS JOIN LATERAL (SELECT ${TEXT_SEARCH_CONFIG} AS config) c
        CROSS JOIN LATERAL (
          SELECT setweight(to_tsvector(c.config, a.title), 'A') || to_tsvector(c.config, a.body) AS document,
                 nullif(replace(plainto_tsquery(c.config, $1)::text, ' & ', ' | '), '')::tsquery AS words,
                 tsvector_to_array(to_tsvector(c.config, $1)) AS typed
        ) s
        WHERE a.deleted_at IS NULL AND a.language = ANY($2) AND s.document @@ s.words
          AND 3 * cardinality(ARRAY(SELECT unnest(s.typed) INTERSECT SELECT unnest(tsvector_to_array(s.document)))) >= cardinality(s.typed)
        ORDER BY (a.language = $3) DESC, ts_rank_cd(s.document, s.words) DESC, a.id
        LIMIT $4`,
      [query.q, [...new Set([language, 'en'])], language, query.limit],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, language: row.language, excerpt: excerpt(row.body) }));
  }

  async article(id: string): Promise<PublicArticle> {
    const [row] = await this.dataSource.query<PublicArticle[]>(`SELECT id, title, body, language, category, updated_at AS "updatedAt" FROM kb_articles WHERE id = $1 AND deleted_at IS NULL`, [id]);
    if (!row) throw new NotFoundException(`no article ${id}`);
    return row;
  }
}

/** The first sentences of an article as plain text: markdown marks, links and headings reduced to their words. */
export function excerpt(markdown: string): string {
  const text = markdown
    .replace(/^#+\s.*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}
