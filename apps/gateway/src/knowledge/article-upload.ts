import { contentProblems, faqArticles, idProblems, InvalidArticleError, isFaqDocument, KbArticle, parseArticle, toArticle } from '@smartdesk/knowledge/authoring';

/** Fields of an article sent as a JSON object. */
const ARTICLE_FIELDS = ['id', 'title', 'body', 'category', 'language', 'tags'];

/** Where an API article is said to come from (replies cite it); file articles say `kb/<file>`. */
export function apiArticlePath(id: string): string {
  return `api:${id}`;
}

/** `Reset your password!` → `reset-your-password`: the default id of an API article is `<category>/<slug>`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The articles an upload holds: a JSON article (`{id?, title, body, category, language, tags?}`), a JSON FAQ
 * (`{"knowledge_base": [...]}`), or a markdown file with front matter. Throws InvalidArticleError naming
 * every problem; nothing is half-read.
 */
export function articlesFromUpload(body: unknown, contentType: string): KbArticle[] {
  if (contentType === 'text/markdown') {
    if (typeof body !== 'string' || !body.trim()) throw new InvalidArticleError(['send the markdown file as the request body']);
    const article = parseArticle('upload', 'upload', body);
    return [withId(article, `${article.category}/${slug(article.title)}`)];
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidArticleError(['send a JSON article, a JSON FAQ ({"knowledge_base": [...]}) or a markdown file (content-type text/markdown)']);
  }
  if (isFaqDocument(body)) return faqArticles('upload', body, (entryId, category) => `${category}/${entryId}`).map((article) => withId(article, article.id));
  return [jsonArticle(body as Record<string, unknown>)];
}

function jsonArticle(fields: Record<string, unknown>): KbArticle {
  const problems = Object.keys(fields)
    .filter((key) => !ARTICLE_FIELDS.includes(key))
    .map((key) => `'${key}' is not an article field (${ARTICLE_FIELDS.join(', ')})`);
  problems.push(...contentProblems(fields));
  if (fields.id !== undefined && typeof fields.id !== 'string') problems.push(`'id' must be a string`);
  if (problems.length > 0) throw new InvalidArticleError(problems);
  return withId(toArticle('', '', fields), (fields.id as string | undefined) ?? `${(fields.category as string).trim()}/${slug(fields.title as string)}`);
}

function withId(article: KbArticle, id: string): KbArticle {
  const problems = idProblems(id);
  if (problems.length > 0) throw new InvalidArticleError(problems);
  return { ...article, id, path: apiArticlePath(id) };
}
