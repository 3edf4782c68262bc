import { createHash } from 'node:crypto';
import matter from 'gray-matter';

/** What an article says: the fields versions keep and the index embeds. */
export interface ArticleContent {
  title: string;
  category: string;
  language: string;
  tags: string[];
  body: string;
}

export interface KbArticle extends ArticleContent {
  /** e.g. `shipping/track-your-order` (a markdown file under kb/ without `.md`). */
  id: string;
  /** Where it comes from, e.g. `kb/shipping/track-your-order.md`. */
  path: string;
  contentHash: string;
}

/** Every problem of one file or upload, each prefixed with where it is (file, entry). */
export class InvalidArticleError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Article ids: path-like segments of letters, digits, `.`, `_` and `-`. */
export const ARTICLE_ID = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const MAX_ID = 300;
const MAX_TITLE = 300;
const MIN_BODY = 20;

/** The content's fingerprint: two versions with equal fields are the same article, whatever the file's layout. */
export function articleContentHash(content: ArticleContent): string {
  return createHash('sha256').update(JSON.stringify([content.title, content.category, content.language, content.tags, content.body])).digest('hex');
}

export interface SourceFormat {
  /** How a field is called in the source, e.g. `'question'` for the title in a JSON FAQ. */
  name: (field: keyof ArticleContent) => string;
  /** How a missing field is said, e.g. `front matter needs`. */
  needs: string;
}

const JSON_FIELDS: SourceFormat = { name: (field) => `'${field}'`, needs: 'needs' };

/** What is wrong with an article's fields (empty when nothing), in the source format's words. */
export function contentProblems(fields: Record<string, unknown>, { name, needs }: SourceFormat = JSON_FIELDS): string[] {
  const problems: string[] = [];
  for (const field of ['title', 'category', 'language'] as const) {
    if (typeof fields[field] !== 'string' || !(fields[field] as string).trim()) problems.push(`${needs} ${name(field)}`);
  }
  if (typeof fields.title === 'string' && fields.title.trim().length > MAX_TITLE) problems.push(`${name('title')} is longer than ${MAX_TITLE} characters`);
  if (typeof fields.category === 'string' && fields.category.trim() && !/^[a-z0-9_]{1,64}$/.test(fields.category.trim())) {
    problems.push(`${name('category')} must be 1-64 characters of a-z, 0-9 and _`);
  }
  if (typeof fields.language === 'string' && fields.language.trim() && !/^[a-z]{2}$/.test(fields.language)) {
    problems.push(`${name('language')} must be an ISO 639-1 code`);
  }
  if (fields.tags !== undefined && (!Array.isArray(fields.tags) || fields.tags.some((tag) => typeof tag === 'object'))) {
    problems.push(`${name('tags')} must be a list`);
  }
  if (typeof fields.body !== 'string' || fields.body.trim().length < MIN_BODY) problems.push(`no body: ${name('body')} needs at least ${MIN_BODY} characters`);
  return problems;
}

export function idProblems(id: string): string[] {
  if (id.length > MAX_ID || !ARTICLE_ID.test(id)) return [`id '${id}' must be up to ${MAX_ID} characters of letters, digits, '.', '_', '-' in '/'-separated segments`];
  return [];
}

/** An article from validated fields: trimmed, tags as strings, hashed. */
export function toArticle(id: string, path: string, fields: Record<string, unknown>): KbArticle {
  const content: ArticleContent = {
    title: (fields.title as string).trim(),
    category: (fields.category as string).trim(),
    language: fields.language as string,
    tags: ((fields.tags as unknown[] | undefined) ?? []).map(String),
    body: (fields.body as string).trim(),
  };
  return { id, path, ...content, contentHash: articleContentHash(content) };
}

const MARKDOWN: SourceFormat = { name: (field) => (field === 'body' ? 'the text after the front matter' : `'${field}'`), needs: 'front matter needs' };

/** Parses one markdown article with front matter (title, category, tags, language); names what is wrong. */
export function parseArticle(id: string, path: string, raw: string): KbArticle {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options disable gray-matter's content cache, which would hide a YAML error on a second parse.
    parsed = matter(raw, {});
  } catch (error) {
    throw new InvalidArticleError([`${path}: front matter is not valid YAML (${(error as Error).message})`]);
  }
  const fields = { ...(parsed.data as Record<string, unknown>), body: parsed.content };
  const problems = contentProblems(fields, MARKDOWN).map((problem) => `${path}: ${problem}`);
  if (problems.length > 0) throw new InvalidArticleError(problems);
  return toArticle(id, path, fields);
}

/** The numbered steps of an article, for replies that quote them. */
export function articleSteps(body: string): string[] {
  return body
    .split('\n')
    .map((line) => /^\s*\d+\.\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((step): step is string => Boolean(step));
}

/** The article's opening paragraph: its one-sentence summary. */
export function articleSummary(body: string): string {
  return body.split(/\n\s*\n/).find((paragraph) => paragraph.trim() && !paragraph.trim().startsWith('#'))?.trim() ?? '';
}
