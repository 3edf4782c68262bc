import { parseYamlSafely, UnsafeYamlError } from './safe-yaml';

describe('parseYamlSafely', () => {
  it('reads plain mappings, lists and scalars', () => {
    expect(parseYamlSafely('title: Hello\ntags: [a, 2024]\nn: 3\nok: true', 'x')).toEqual({ title: 'Hello', tags: ['a', 2024], n: 3, ok: true });
  });

  it.each([
    ['a JS function tag', 'a: !!js/function "function () { return process.pid }"', /Unresolved tag/],
    ['a custom tag', 'a: !include /etc/passwd', /Unresolved tag/],
    ['a duplicate key', 'a: 1\na: 2', /unique/i],
  ])('refuses %s, naming the source', (_case, text, message) => {
    expect(() => parseYamlSafely(text, 'config/x.yml')).toThrow(UnsafeYamlError);
    expect(() => parseYamlSafely(text, 'config/x.yml')).toThrow(/config\/x\.yml: /);
    expect(() => parseYamlSafely(text, 'config/x.yml')).toThrow(message);
  });

  it('does not merge `<<` keys (no YAML 1.1 merge)', () => {
    expect(parseYamlSafely('<<: {admin: true}\nname: x', 'x')).toEqual({ '<<': { admin: true }, name: 'x' });
  });

  it('stops an alias fan-out (billion laughs) with an error instead of expanding it', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(() => parseYamlSafely(laughs.join('\n'), 'bomb.yml')).toThrow(/bomb\.yml: .*alias/i);
  });

  it('keeps a __proto__ key as data without touching any prototype', () => {
    const parsed = parseYamlSafely('__proto__: {polluted: true}\ntitle: x', 'x') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'title']);
  });
});
