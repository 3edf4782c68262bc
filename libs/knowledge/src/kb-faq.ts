import { contentProblems, InvalidArticleError, KbArticle, toArticle } from './kb-article';

/** JSON FAQ field → article field: a question is the title, its answer the body. */
const FAQ_FIELDS = { title: 'question', body: 'answer', category: 'category', language: 'language', tags: 'tags' } as const;
const ENTRY_ID = /^[A-Za-z0-9_.-]{1,100}$/;

export type FaqArticleId = (entryId: string, category: string) => string;

/**
 * Parses a JSON FAQ, `{"knowledge_base": [{"id", "question", "answer", "category", "tags", "language"}]}`,
 * into one article per entry; `articleId` turns an entry's id into the article's. Every problem is
 * reported at once, naming the file and the entry (1-based, with its id).
 */
export function parseFaq(path: string, raw: string, articleId: FaqArticleId): KbArticle[] {
  let document: unknown;
  try {
    document = JSON.parse(raw);
  } catch (error) {
    throw new InvalidArticleError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
  return faqArticles(path, document, articleId);
}

/** Whether a parsed JSON document is a FAQ (has a `knowledge_base` key). */
export function isFaqDocument(document: unknown): boolean {
  return typeof document === 'object' && document !== null && 'knowledge_base' in document;
}

/** The articles of an already parsed FAQ document (see parseFaq). */
export function faqArticles(path: string, document: unknown, articleId: FaqArticleId): KbArticle[] {
  const entries = (document as { knowledge_base?: unknown } | null)?.knowledge_base;
  if (!Array.isArray(entries) || entries.length === 0) throw new InvalidArticleError([`${path}: needs a non-empty "knowledge_base" list`]);

  const problems: string[] = [];
  const articles: KbArticle[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const where = `${path}: entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const record = entry as Record<string, unknown>;
    const entryId = typeof record.id === 'number' ? String(record.id) : record.id;
    const named = typeof entryId === 'string' ? `${where} (id ${entryId})` : where;
    const fields = Object.fromEntries(Object.entries(FAQ_FIELDS).map(([field, name]) => [field, record[name]]));
    const entryProblems = contentProblems(fields, { name: (field) => `'${FAQ_FIELDS[field]}'`, needs: 'needs' });
    if (typeof entryId !== 'string' || !ENTRY_ID.test(entryId)) entryProblems.unshift(`needs 'id': 1-100 characters of letters, digits, '.', '_', '-'`);
    else if (seen.has(entryId)) entryProblems.unshift(`'id' repeats entry ${seen.get(entryId)}`);
    else seen.set(entryId, index + 1);
    if (entryProblems.length > 0) problems.push(...entryProblems.map((problem) => `${named}: ${problem}`));
    else articles.push(toArticle(articleId(entryId as string, (fields.category as string).trim()), path, fields));
  });
  if (problems.length > 0) throw new InvalidArticleError(problems);
  return articles;
}
