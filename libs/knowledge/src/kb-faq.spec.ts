import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleContentHash, InvalidArticleError } from './kb-article';
import { faqArticles, isFaqDocument, parseFaq } from './kb-faq';
import { listKbFiles, readKbFile } from './kb-files';

const PATH = 'kb/faq/general.json';
const idOf = (entryId: string) => `faq/general/${entryId}`;

const ENTRY = {
  id: 'q1',
  question: 'How long does a refund take?',
  answer: 'Refunds reach your card within 5-10 business days after we receive the item.',
  category: 'returns_refunds',
  tags: ['refund', 'timeline'],
  language: 'en',
};

function faq(...entries: unknown[]): string {
  return JSON.stringify({ knowledge_base: entries });
}

function problemsOf(raw: string): string[] {
  try {
    parseFaq(PATH, raw, idOf);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArticleError);
    return (error as InvalidArticleError).problems;
  }
  throw new Error('expected the FAQ to be rejected');
}

describe('parseFaq', () => {
  it('makes one article per entry: the question is the title, the answer the body', () => {
    const articles = parseFaq(PATH, faq(ENTRY, { ...ENTRY, id: 7, question: '¿Cuánto tarda un reembolso?', language: 'es', tags: undefined }), idOf);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toEqual({
      id: 'faq/general/q1',
      path: PATH,
      title: ENTRY.question,
      body: ENTRY.answer,
      category: 'returns_refunds',
      language: 'en',
      tags: ['refund', 'timeline'],
      contentHash: articleContentHash({ title: ENTRY.question, body: ENTRY.answer, category: 'returns_refunds', language: 'en', tags: ['refund', 'timeline'] }),
    });
    expect(articles[1]).toMatchObject({ id: 'faq/general/7', language: 'es', tags: [] });
  });

  it('passes the entry id and category to the id function', () => {
    const [article] = faqArticles('upload', JSON.parse(faq(ENTRY)), (entryId, category) => `${category}/${entryId}`);
    expect(article.id).toBe('returns_refunds/q1');
  });

  it('rejects a file that is not JSON, naming the file', () => {
    expect(problemsOf('{"knowledge_base": [')).toEqual([expect.stringMatching(/^kb\/faq\/general\.json: not valid JSON/)]);
  });

  it.each([
    ['no knowledge_base', '{"articles": []}'],
    ['an empty list', '{"knowledge_base": []}'],
    ['a list that is an object', '{"knowledge_base": {}}'],
    ['null', 'null'],
  ])('rejects %s', (_, raw) => {
    expect(problemsOf(raw)).toEqual([`${PATH}: needs a non-empty "knowledge_base" list`]);
  });

  it('names every bad entry by its position and id, with each of its problems', () => {
    const problems = problemsOf(faq(ENTRY, { ...ENTRY, id: 'q2', question: ' ', language: 'English' }, 'text', { ...ENTRY, id: 'q1' }, { ...ENTRY, id: 'bad id!', answer: 'short' }));
    expect(problems).toEqual([
      `${PATH}: entry 2 (id q2): needs 'question'`,
      `${PATH}: entry 2 (id q2): 'language' must be an ISO 639-1 code`,
      `${PATH}: entry 3: not an object`,
      `${PATH}: entry 4 (id q1): 'id' repeats entry 1`,
      `${PATH}: entry 5 (id bad id!): needs 'id': 1-100 characters of letters, digits, '.', '_', '-'`,
      `${PATH}: entry 5 (id bad id!): no body: 'answer' needs at least 20 characters`,
    ]);
  });

  it('rejects an entry without an id, and tags that are not a list', () => {
    const { id: _, ...withoutId } = ENTRY;
    expect(problemsOf(faq(withoutId, { ...ENTRY, id: 'q9', tags: 'refund' }))).toEqual([
      `${PATH}: entry 1: needs 'id': 1-100 characters of letters, digits, '.', '_', '-'`,
      `${PATH}: entry 2 (id q9): 'tags' must be a list`,
    ]);
  });

  it('recognizes a FAQ document by its knowledge_base key', () => {
    expect(isFaqDocument({ knowledge_base: [] })).toBe(true);
    expect(isFaqDocument({ title: 'x' })).toBe(false);
    expect(isFaqDocument(null)).toBe(false);
  });
});

describe('readKbFile (a JSON FAQ in a scratch kb/ folder)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smartdesk-faq-'));
    mkdirSync(join(dir, 'faq'));
    writeFileSync(join(dir, 'faq/general.json'), faq(ENTRY));
    writeFileSync(join(dir, 'faq/broken.json'), faq({ ...ENTRY, answer: '' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names FAQ articles <file without .json>/<entry id>, from kb/<file>', async () => {
    expect(await listKbFiles(dir)).toEqual(['faq/broken.json', 'faq/general.json']);
    const file = await readKbFile(dir, 'faq/general.json');
    expect(file).toEqual({ path: 'faq/general.json', articles: [expect.objectContaining({ id: 'faq/general/q1', path: 'kb/faq/general.json' })] });
  });

  it('returns an invalid file with its problems, and null for a file that is gone', async () => {
    const file = await readKbFile(dir, 'faq/broken.json');
    expect(file && 'error' in file && file.error.problems).toEqual([`kb/faq/broken.json: entry 1 (id q1): no body: 'answer' needs at least 20 characters`]);
    expect(await readKbFile(dir, 'faq/deleted.json')).toBeNull();
  });
});
