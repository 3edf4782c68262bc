import { InvalidArticleError } from '@smartdesk/knowledge/authoring';
import { articlesFromUpload, slug } from './article-upload';

const ARTICLE = { title: 'Reset your password!', body: 'Use the Forgot password link on the sign-in page.', category: 'account_access', language: 'en' };

function problemsOf(body: unknown, contentType = 'application/json'): string[] {
  try {
    articlesFromUpload(body, contentType);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArticleError);
    return (error as InvalidArticleError).problems;
  }
  throw new Error('expected the upload to be rejected');
}

describe('slug', () => {
  it('keeps lower-case letters and digits, joined by single dashes, without accents', () => {
    expect(slug('  ¿Cómo restablecer mi contraseña? (2FA)  ')).toBe('como-restablecer-mi-contrasena-2fa');
    expect(slug('!!!')).toBe('');
  });

  it('is at most 80 characters and never ends with a dash', () => {
    const long = slug(`${'word '.repeat(30)}`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('articlesFromUpload', () => {
  it('takes a JSON article; its id defaults to <category>/<slug of title>, its path names the API', () => {
    const [article] = articlesFromUpload(ARTICLE, 'application/json');
    expect(article).toMatchObject({ id: 'account_access/reset-your-password', path: 'api:account_access/reset-your-password', title: 'Reset your password!', tags: [] });
    expect(articlesFromUpload({ ...ARTICLE, id: 'faq/pw' }, 'application/json')[0].id).toBe('faq/pw');
  });

  it('takes a JSON FAQ, one article per entry named <category>/<entry id>', () => {
    const entry = { id: 'pw', question: 'How do I reset my password?', answer: ARTICLE.body, category: 'account_access', language: 'en' };
    expect(articlesFromUpload({ knowledge_base: [entry] }, 'application/json').map((article) => article.id)).toEqual(['account_access/pw']);
  });

  it('takes a markdown file with front matter', () => {
    const markdown = `---\ntitle: Reset your password\ncategory: account_access\nlanguage: en\n---\n${ARTICLE.body}\n`;
    expect(articlesFromUpload(markdown, 'text/markdown')).toEqual([expect.objectContaining({ id: 'account_access/reset-your-password', body: ARTICLE.body })]);
  });

  it('names unknown fields, bad content and a bad id together', () => {
    expect(problemsOf({ ...ARTICLE, language: 'english', author: 'me', id: 7 })).toEqual([
      "'author' is not an article field (id, title, body, category, language, tags)",
      "'language' must be an ISO 639-1 code",
      "'id' must be a string",
    ]);
    expect(problemsOf({ ...ARTICLE, id: 'has space/x' })[0]).toMatch(/^id 'has space\/x' must be/);
    expect(problemsOf({ ...ARTICLE, title: '???' })[0]).toMatch(/^id 'account_access\/' must be/);
  });

  it('refuses a body that is neither an article nor markdown', () => {
    expect(problemsOf(['a'])).toEqual([expect.stringMatching(/^send a JSON article/)]);
    expect(problemsOf('   ', 'text/markdown')).toEqual(['send the markdown file as the request body']);
  });
});
