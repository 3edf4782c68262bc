import { MAX_INPUT_DEPTH, textProblem, unsafeInput } from './unsafe-text';

describe('textProblem', () => {
  it.each(['plain', 'Lucía 😀 𝒳', '', '\u202E'])('accepts %j', (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\uD800b', /surrogate/],
    ['a high surrogate at the end', 'a\uD83D', /surrogate/],
    ['a lone low surrogate', '\uDE00a', /surrogate/],
    ['two high surrogates', '\uD83D\uD83D\uDE00', /surrogate/],
  ])('refuses %s', (_case, text, problem) => {
    expect(textProblem(text)).toMatch(problem);
  });
});

describe('unsafeInput', () => {
  it('names the dotted path of a bad value, a bad key, and a __proto__ key', () => {
    expect(unsafeInput({ subject: 'ok', metadata: { plan: 'x\uDC00' } })).toEqual({ field: 'metadata.plan', problem: expect.stringMatching(/surrogate/) });
    expect(unsafeInput({ tags: ['a', 'b\u0000'] })).toEqual({ field: 'tags.1', problem: expect.stringMatching(/NUL/) });
    expect(unsafeInput({ metadata: { 'a\u0000': 1 } })).toEqual({ field: 'metadata', problem: expect.stringMatching(/key that must not contain NUL/) });
    expect(unsafeInput(JSON.parse('{"a": {"__proto__": {"admin": true}}}'))).toEqual({ field: 'a.__proto__', problem: 'is not an accepted key' });
  });

  it('names the root of a bare string (a text body, a query or path value)', () => {
    expect(unsafeInput('a\u0000')).toEqual({ field: 'body', problem: expect.any(String) });
    expect(unsafeInput('a\u0000', 'q')).toEqual({ field: 'q', problem: expect.any(String) });
  });

  it('refuses nesting past MAX_INPUT_DEPTH without walking further', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(unsafeInput({ metadata: deep })).toEqual({ field: expect.stringMatching(/^metadata(\.0)+$/), problem: `is nested deeper than ${MAX_INPUT_DEPTH} levels` });
  });

  it('accepts ordinary bodies, numbers, booleans and null', () => {
    expect(unsafeInput({ subject: 'Parcel', version: 3, internal: false, teamId: null, tags: ['a'], metadata: { nested: { ok: 'yes' } } })).toBeNull();
  });
});
