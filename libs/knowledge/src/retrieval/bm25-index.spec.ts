import { Bm25Index, LexicalDocument } from './bm25-index';
import { lexicalTerms } from './lexical-terms';

const doc = (id: string, text: string, fields: LexicalDocument['fields'] = {}): LexicalDocument => ({ id, text, fields });

describe('lexicalTerms', () => {
  it('gives content words, adjacent content-word pairs and padded character 4-grams', () => {
    expect(lexicalTerms('Reset the VPN')).toEqual(['w:reset', 'c: res', 'c:rese', 'c:eset', 'c:set ', 'w:vpn', 'c: vpn', 'c:vpn ']);
    expect(lexicalTerms('password reset link')).toEqual(expect.arrayContaining(['b:password reset', 'b:reset link']));
  });

  it('drops stopwords and never pairs across one', () => {
    const terms = lexicalTerms('the card of my friend');
    expect(terms.filter((term) => term.startsWith('w:'))).toEqual(['w:card', 'w:friend']);
    expect(terms.some((term) => term.startsWith('b:'))).toBe(false);
  });

  it('folds accents and case, so typed-without-accents text matches', () => {
    expect(lexicalTerms('Contraseña')).toEqual(lexicalTerms('contrasena'));
  });
});

describe('Bm25Index', () => {
  const index = Bm25Index.build([
    doc('vpn', 'The VPN disconnects every few minutes when working from home', { category: 'it_network', language: 'en' }),
    doc('password', 'Reset your password from the sign-in page; the reset link expires', { category: 'account_access', language: 'en' }),
    doc('refund', 'Refunds reach your card within ten business days', { category: 'billing', language: 'en' }),
    doc('reembolso', 'Los reembolsos llegan a tu tarjeta en diez días hábiles', { category: 'billing', language: 'es' }),
    doc('long', `Password ${'filler words about many other unrelated topics '.repeat(20)}`, { category: 'account_access', language: 'en' }),
  ]);

  it('ranks the document that shares the query’s rare terms first, with positive scores, best first', () => {
    const hits = index.search('my vpn keeps disconnecting', 5);
    expect(hits[0].id).toBe('vpn');
    for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('matches inflections and typos through character 4-grams', () => {
    expect(index.search('refunded', 1)[0].id).toBe('refund');
    expect(index.search('pasword resett', 1)[0].id).toBe('password');
  });

  it('prefers the shorter of two documents with the same match (length normalisation)', () => {
    const ranked = index.search('password', 5).map((hit) => hit.id);
    expect(ranked.indexOf('password')).toBeLessThan(ranked.indexOf('long'));
  });

  it('honours the limit and returns nothing for unknown or stopword-only text', () => {
    expect(index.search('password reset link', 1)).toHaveLength(1);
    expect(index.search('xyzzy plugh', 5)).toEqual([]);
    expect(index.search('the and of', 5)).toEqual([]);
  });

  it('filters on every given field', () => {
    expect(index.search('reembolso tarjeta refund card', 5, { language: 'es' })).toEqual([{ id: 'reembolso', score: expect.any(Number), fields: { category: 'billing', language: 'es' } }]);
    expect(index.search('password reset', 5, { category: 'billing' })).toEqual([]);
    expect(
      index
        .search('password', 5, { category: 'account_access', language: 'en' })
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['long', 'password']);
  });

  it('gives the same results when searched again (its scratch scores are reset)', () => {
    const first = index.search('reset my vpn password', 5);
    expect(index.search('reset my vpn password', 5)).toEqual(first);
  });

  it('is empty when built from nothing', () => {
    const empty = Bm25Index.build([]);
    expect(empty.size).toBe(0);
    expect(empty.search('anything', 3)).toEqual([]);
  });
});
