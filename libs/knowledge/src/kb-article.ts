import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import matter from 'gray-matter';

export interface KbArticle {
  /** Path under the kb folder without `.md`, e.g. `shipping/track-your-order`. */
  id: string;
  path: string;
  title: string;
  category: string;
  language: string;
  tags: string[];
  body: string;
  contentHash: string;
}

export class InvalidArticleError extends Error {}

/** Parses one markdown article with front matter (title, category, tags, language); names what is wrong. */
export function parseArticle(id: string, path: string, raw: string): KbArticle {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options disable gray-matter's content cache, which would hide a YAML error on a second parse.
    parsed = matter(raw, {});
  } catch (error) {
    throw new InvalidArticleError(`${path}: front matter is not valid YAML (${(error as Error).message})`);
  }
  const data = parsed.data as Record<string, unknown>;
  for (const field of ['title', 'category', 'language']) {
    if (typeof data[field] !== 'string' || !(data[field] as string).trim()) throw new InvalidArticleError(`${path}: front matter needs '${field}'`);
  }
  if (!/^[a-z]{2}$/.test(data.language as string)) throw new InvalidArticleError(`${path}: 'language' must be an ISO 639-1 code`);
  if (data.tags !== undefined && !Array.isArray(data.tags)) throw new InvalidArticleError(`${path}: 'tags' must be a list`);
  const body = parsed.content.trim();
  if (body.length < 20) throw new InvalidArticleError(`${path}: the article has no body`);
  return {
    id,
    path,
    title: (data.title as string).trim(),
    category: (data.category as string).trim(),
    language: data.language as string,
    tags: ((data.tags as unknown[]) ?? []).map(String),
    body,
    contentHash: createHash('sha256').update(raw).digest('hex'),
  };
}

/** Every `*.md` article below `dir`. A broken file fails the whole read, so the index is never half-updated. */
export async function readKnowledgeBase(dir: string): Promise<KbArticle[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md') && !file.endsWith('README.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const id = file.slice(0, -'.md'.length).split(sep).join('/');
      return parseArticle(id, relative(process.cwd(), join(dir, file)) || file, await readFile(join(dir, file), 'utf8'));
    }),
  );
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
