import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy } from '@smartdesk/nlp';
import { articleContentHash, articleSteps, articleSummary, InvalidArticleError, KbArticle, MAX_ARTICLE_BODY, parseArticle } from './kb-article';
import { readKnowledgeBase } from './kb-files';

const ROOT = join(__dirname, '../../..');
const KB_DIR = join(ROOT, 'kb');
const PATH = 'kb/shipping/track-your-order.md';

const BODY = [
  'You can follow your package from our warehouse to your door using the tracking link.',
  '',
  '## Steps',
  '',
  '1. Sign in and go to **Account › Orders**.',
  '2. Click **Track** to open the latest status.',
  '   10.   Indented, with extra spaces.  ',
  '',
  '## When to contact us',
  '',
  'Get in touch if tracking has not updated for 5 business days.',
].join('\n');

function raw(frontMatter: string, body = BODY): string {
  return `---\n${frontMatter}\n---\n${body}\n`;
}

const VALID_FRONT_MATTER = ['title: "  Where is my order? Tracking a shipment  "', 'category: shipping', 'tags: [tracking, delivery, 2024]', 'language: en'].join('\n');

function expectInvalid(text: string, ...fragments: (string | RegExp)[]): void {
  let error: unknown;
  try {
    parseArticle('shipping/track-your-order', PATH, text);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InvalidArticleError);
  const message = (error as Error).message;
  expect(message).toContain(PATH);
  for (const fragment of fragments) expect(message).toMatch(fragment);
}

describe('parseArticle', () => {
  it('parses a valid article', () => {
    const text = raw(VALID_FRONT_MATTER);
    const article = parseArticle('shipping/track-your-order', PATH, text);
    expect(article).toEqual({
      id: 'shipping/track-your-order',
      path: PATH,
      title: 'Where is my order? Tracking a shipment',
      category: 'shipping',
      language: 'en',
      tags: ['tracking', 'delivery', '2024'],
      body: BODY.trim(),
      contentHash: articleContentHash(article),
    });
  });

  it('defaults tags to an empty list', () => {
    const article = parseArticle('a/b', 'kb/a/b.md', raw('title: T\ncategory: billing\nlanguage: es'));
    expect(article.tags).toEqual([]);
    expect(article.language).toBe('es');
  });

  it('hashes the content, so that an edit to any field changes the hash', () => {
    const a = parseArticle('a/b', 'kb/a/b.md', raw(VALID_FRONT_MATTER));
    const b = parseArticle('a/b', 'kb/a/b.md', raw(VALID_FRONT_MATTER, `${BODY}\nOne more line.`));
    const c = parseArticle('a/b', 'kb/a/b.md', raw(VALID_FRONT_MATTER.replace('language: en', 'language: fr')));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([a.contentHash, b.contentHash, c.contentHash]).size).toBe(3);
  });

  it('keeps the hash when only the layout changes (a YAML comment, quoting, trailing blank lines)', () => {
    const a = parseArticle('a/b', 'kb/a/b.md', raw(VALID_FRONT_MATTER));
    const b = parseArticle('a/b', 'kb/a/b.md', `${raw(`# reviewed in May\n${VALID_FRONT_MATTER.replace('category: shipping', "category: 'shipping'")}`)}\n\n`);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it.each(['title', 'category', 'language'])('rejects a missing %s, naming the file and field', (field) => {
    const frontMatter = VALID_FRONT_MATTER.split('\n')
      .filter((line) => !line.startsWith(`${field}:`))
      .join('\n');
    expectInvalid(raw(frontMatter), `'${field}'`);
  });

  it.each(['title', 'category'])('rejects a blank %s', (field) => {
    const frontMatter = VALID_FRONT_MATTER.split('\n')
      .map((line) => (line.startsWith(`${field}:`) ? `${field}: "   "` : line))
      .join('\n');
    expectInvalid(raw(frontMatter), `'${field}'`);
  });

  it('rejects a non-string title', () => {
    expectInvalid(raw(VALID_FRONT_MATTER.replace(/^title:.*$/m, 'title: 42')), `'title'`);
  });

  it('rejects a file without front matter', () => {
    expectInvalid(BODY, `'title'`);
  });

  it.each(['english', 'EN', 'en-US', 'e'])('rejects the language code %j', (language) => {
    expectInvalid(raw(VALID_FRONT_MATTER.replace('language: en', `language: ${language}`)), `'language'`, /ISO 639-1/);
  });

  it.each(['tags: tracking', 'tags: "tracking, delivery"', 'tags: { a: 1 }'])('rejects non-list tags (%s)', (tags) => {
    expectInvalid(raw(VALID_FRONT_MATTER.replace(/^tags:.*$/m, tags)), `'tags'`, /list/);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   \n\n  \n'],
    ['too short', 'See above.'],
  ])('rejects an %s body', (_, body) => {
    expectInvalid(raw(VALID_FRONT_MATTER, body), /no body/);
  });

  it.each([
    ['an unclosed list', 'title: [unclosed\ncategory: shipping\nlanguage: en'],
    ['a bad indentation', 'title: T\n  category: shipping\n language: en'],
    ['an unclosed quote', 'title: "T\ncategory: shipping\nlanguage: en'],
  ])('rejects broken YAML (%s), naming the file', (_, frontMatter) => {
    expectInvalid(raw(frontMatter), /not valid YAML/);
  });

  it('still rejects the same broken file when it is parsed a second time', () => {
    const text = raw('title: [never closed\ncategory: billing\nlanguage: en');
    expectInvalid(text, /not valid YAML/);
    // gray-matter caches by content even when parsing throws; the file must not slip through on a retry.
    expect(() => parseArticle('billing/x', PATH, text)).toThrow(InvalidArticleError);
  });
});

describe('parseArticle reads front matter as data only (no code from a file or an upload)', () => {
  const marker = '__smartdesk_front_matter_ran__';
  afterEach(() => delete (globalThis as Record<string, unknown>)[marker]);

  it.each(['js', 'javascript', 'coffee', 'json', 'toml', ' JS '])('refuses front matter opening with ---%s without running it', (language) => {
    const text = `---${language}\n{title: (globalThis.${marker} = "pid " + process.pid), category: "billing", language: "en"}\n---\n${BODY}\n`;
    expectInvalid(text, /front matter must be YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('accepts an explicit ---yaml tag', () => {
    expect(parseArticle('shipping/x', PATH, `---yaml\n${VALID_FRONT_MATTER}\n---\n${BODY}\n`).category).toBe('shipping');
  });

  it.each([
    ['a JS function tag', 'title: !!js/function "function () { return process.pid }"'],
    ['a custom tag', 'title: !include /etc/passwd'],
    ['a duplicate key', 'title: A\ntitle: B'],
  ])('refuses %s in the YAML', (_case, line) => {
    expectInvalid(raw(`${line}\ncategory: shipping\nlanguage: en`), /not valid YAML/);
  });

  it('refuses an alias fan-out (billion laughs) instead of expanding it', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ])
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    expectInvalid(raw([...lines, 'title: T', 'category: shipping', 'language: en'].join('\n')), /not valid YAML/);
  });

  it('refuses a body longer than MAX_ARTICLE_BODY', () => {
    expectInvalid(raw(VALID_FRONT_MATTER, 'word '.repeat(MAX_ARTICLE_BODY / 5 + 1)), /longer than 100000 characters/);
  });

  it.each([
    ['31 tags', `tags: [${Array.from({ length: 31 }, (_, i) => `t${i}`).join(', ')}]`],
    ['a tag of 65 characters', `tags: [${'t'.repeat(65)}]`],
  ])('refuses %s', (_case, tags) => {
    expectInvalid(raw(VALID_FRONT_MATTER.replace(/^tags:.*$/m, tags)), /at most 30 tags of up to 64 characters/);
  });

  it('refuses front matter that is not a mapping', () => {
    expectInvalid(raw('- title\n- category'), /mapping/);
  });

  it('keeps a __proto__ key as an ignored field, polluting no prototype', () => {
    const article = parseArticle('shipping/x', PATH, raw(`__proto__: {polluted: true}\n${VALID_FRONT_MATTER}`));
    expect(article.category).toBe('shipping');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('articleSteps', () => {
  it('returns the numbered steps, without their numbers, trimmed', () => {
    expect(articleSteps(BODY)).toEqual(['Sign in and go to **Account › Orders**.', 'Click **Track** to open the latest status.', 'Indented, with extra spaces.']);
  });

  it('ignores bullets, headings, prose with numbers and numbers without a following space', () => {
    const body = ['- a bullet', '# 1. Heading', 'We have 2. options here', '3.5 GB is the limit', '1.No space', 'Call 555-1234.'].join('\n');
    expect(articleSteps(body)).toEqual([]);
  });

  it('is empty for an article without a numbered list', () => {
    expect(articleSteps('Just one paragraph of text.\n\nAnd another.')).toEqual([]);
  });
});

describe('articleSummary', () => {
  it('is the first paragraph', () => {
    expect(articleSummary(BODY)).toBe('You can follow your package from our warehouse to your door using the tracking link.');
  });

  it('skips leading headings and blank paragraphs', () => {
    expect(articleSummary('# Title\n\n   \n\nThe real summary\nspans two lines.\n\nMore.')).toBe('The real summary\nspans two lines.');
  });

  it('is empty when there is no paragraph', () => {
    expect(articleSummary('## Only a heading')).toBe('');
    expect(articleSummary('')).toBe('');
  });
});

describe('readKnowledgeBase (the real kb/ folder)', () => {
  let articles: KbArticle[];
  const taxonomy = loadTaxonomy(join(ROOT, 'config/taxonomy.yml'));

  beforeAll(async () => {
    articles = await readKnowledgeBase(KB_DIR);
  });

  it('parses at least 30 articles without error', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every article a unique id matching its file', () => {
    const ids = articles.map((article) => article.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const article of articles) {
      expect(article.id).toMatch(/^[a-z_]+\/[a-z0-9.-]+$/);
      expect(article.path.endsWith(`${article.id}.md`)).toBe(true);
    }
  });

  it('skips README files', () => {
    expect(articles.some((article) => /readme/i.test(article.id))).toBe(false);
  });

  it('files every article under a taxonomy category, matching its folder', () => {
    const categories = new Set(taxonomy.categories.map((category) => category.id));
    for (const article of articles) {
      expect(categories).toContain(article.category);
      expect(article.id.split('/')[0]).toBe(article.category);
    }
  });

  it.each(['shipping', 'returns_refunds', 'billing', 'account_access', 'orders', 'it_network', 'it_email', 'it_printer'])('has at least one article for %s', (category) => {
    expect(articles.filter((article) => article.category === category).length).toBeGreaterThanOrEqual(1);
  });

  it('gives every article a title, a summary and steps to quote', () => {
    for (const article of articles) {
      expect(article.title.length).toBeGreaterThan(0);
      expect(articleSummary(article.body).length).toBeGreaterThan(0);
      expect(articleSteps(article.body).length).toBeGreaterThan(0);
    }
  });

  it('marks language-suffixed files with that language', () => {
    for (const article of articles) {
      const suffix = /\.([a-z]{2})$/.exec(article.id)?.[1];
      expect(article.language).toBe(suffix ?? 'en');
    }
  });

  it('fails the whole read when the folder does not exist', async () => {
    await expect(readKnowledgeBase(join(KB_DIR, 'no-such-folder'))).rejects.toThrow();
  });
});

describe('readKnowledgeBase (a scratch folder)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smartdesk-kb-spec-'));
    mkdirSync(join(dir, 'billing', 'cards'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# Not an article\n');
    writeFileSync(join(dir, 'billing', 'charged-twice.md'), raw('title: Charged twice\ncategory: billing\nlanguage: en'));
    writeFileSync(join(dir, 'billing', 'cards', 'declined.md'), raw('title: Declined\ncategory: billing\nlanguage: en'));
    writeFileSync(join(dir, 'billing', 'notes.txt'), 'not markdown');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads nested markdown files with /-separated ids, skipping README and non-markdown files', async () => {
    const articles = await readKnowledgeBase(dir);
    expect(articles.map((article) => article.id)).toEqual(['billing/cards/declined', 'billing/charged-twice']);
  });

  it('fails the whole read on one broken file, naming it', async () => {
    writeFileSync(join(dir, 'billing', 'broken.md'), raw('category: billing\nlanguage: en'));
    await expect(readKnowledgeBase(dir)).rejects.toThrow(InvalidArticleError);
    await expect(readKnowledgeBase(dir)).rejects.toThrow(/broken\.md: front matter needs 'title'/);
  });
});
