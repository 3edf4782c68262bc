import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { InvalidArticleError, KbArticle, parseArticle } from './kb-article';
import { parseFaq } from './kb-faq';

/** One file under kb/: its articles, or why it cannot be read. `path` is relative to kb/, with '/'. */
export type KbFile = { path: string; articles: KbArticle[] } | { path: string; error: InvalidArticleError };

/** Markdown articles and JSON FAQs; READMEs document the folder and are not articles. */
export function isKbFile(path: string): boolean {
  return /\.(md|json)$/.test(path) && !/(^|\/)README\.md$/i.test(path);
}

/** Every article file below `dir`, as sorted paths relative to it. */
export async function listKbFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .map((entry) => entry.split(sep).join('/'))
    .filter(isKbFile)
    .sort();
}

/**
 * Reads one kb/ file: `shipping/track.md` is the article `shipping/track`; each entry `q1` of
 * `faq/general.json` is the article `faq/general/q1`. Null when the file does not exist (deleted).
 */
export async function readKbFile(dir: string, path: string): Promise<KbFile | null> {
  let raw: string;
  try {
    raw = await readFile(join(dir, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const where = `kb/${path}`;
  try {
    const articles = path.endsWith('.json') ? parseFaq(where, raw, (entryId) => `${path.slice(0, -'.json'.length)}/${entryId}`) : [parseArticle(path.slice(0, -'.md'.length), where, raw)];
    return { path, articles };
  } catch (error) {
    if (error instanceof InvalidArticleError) return { path, error };
    throw error;
  }
}

/** Every article below `dir`; the first invalid file fails the read (for tools that need all or nothing). */
export async function readKnowledgeBase(dir: string): Promise<KbArticle[]> {
  const files = await Promise.all((await listKbFiles(dir)).map((path) => readKbFile(dir, path)));
  return files.flatMap((file) => {
    if (!file) return [];
    if ('error' in file) throw file.error;
    return file.articles;
  });
}
