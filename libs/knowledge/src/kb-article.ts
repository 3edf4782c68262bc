import { createHash } from 'node:crypto';
import { parseYamlSafely } from '@smartdesk/config';
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
/** Far above any article here (the longest is a few thousand); bounds what one upload makes the indexer chunk and embed. */
export const MAX_ARTICLE_BODY = 100_000;
const MAX_TAGS = 30;
const MAX_TAG = 64;

/** The content's fingerprint: two versions with equal fields are the same article, whatever the file's layout. */
export function articleContentHash(content: ArticleContent): string {
  return createHash('sha256')
    .update(JSON.stringify([content.title, content.category, content.language, content.tags, content.body]))
    .digest('hex');
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
  } else if (Array.isArray(fields.tags) && (fields.tags.length > MAX_TAGS || fields.tags.some((tag) => String(tag).length > MAX_TAG))) {
    problems.push(`${name('tags')} may hold at most ${MAX_TAGS} tags of up to ${MAX_TAG} characters`);
  }
  if (typeof fields.body !== 'string' || fields.body.trim().length < MIN_BODY) problems.push(`no body: ${name('body')} needs at least ${MIN_BODY} characters`);
  else if (fields.body.length > MAX_ARTICLE_BODY) problems.push(`${name('body')} is longer than ${MAX_ARTICLE_BODY} characters`);
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

/**
 * gray-matter picks an engine from the tag after the opening `---` (`---js` is eval'd by its JavaScript
 * engine, on by default): only YAML is read here, through parseYamlSafely, and every other tag is refused.
 */
const YAML_ONLY = {
  language: 'yaml',
  engines: { yaml: (text: string) => parseYamlSafely(text, 'front matter') as object },
};

/** The front matter as data and the text after it; a problem is one line naming `path`. */
function readFrontMatter(path: string, raw: string): Record<string, unknown> & { body: string } {
  const language = matter.language(raw, YAML_ONLY).name;
  if (raw.startsWith('---') && language && !/^ya?ml$/i.test(language)) {
    throw new InvalidArticleError([`${path}: front matter must be YAML ('---'), not '---${language.slice(0, 20)}'`]);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw, YAML_ONLY);
  } catch (error) {
    throw new InvalidArticleError([`${path}: front matter is not valid YAML (${(error as Error).message})`]);
  }
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    throw new InvalidArticleError([`${path}: front matter must be a YAML mapping of fields`]);
  }
  return { ...(parsed.data as Record<string, unknown>), body: parsed.content };
}

/** Parses one markdown article with front matter (title, category, tags, language); names what is wrong. */
export function parseArticle(id: string, path: string, raw: string): KbArticle {
  const fields = readFrontMatter(path, raw);
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
  return (
    body
      .split(/\n\s*\n/)
      .find((paragraph) => paragraph.trim() && !paragraph.trim().startsWith('#'))
      ?.trim() ?? ''
  );
}
