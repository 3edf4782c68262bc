import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAMESPACES } from '../i18n/languages';

/** Every language has every key English has (and no stray ones), in every namespace; placeholders match too. */
const LOCALES = __dirname;
const languages = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const namespaces = readdirSync(join(LOCALES, 'en')).filter((file) => file.endsWith('.json'));

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'object' && child !== null) for (const [nested, text] of flatten(child, path)) keys.set(nested, text);
    else keys.set(path, String(child));
  }
  return keys;
}

const read = (language: string, namespace: string) => flatten(JSON.parse(readFileSync(join(LOCALES, language, namespace), 'utf8')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('locale files', () => {
  it('cover the seven languages', () => {
    expect(languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh']);
  });

  it('are the namespaces the router loads with each feature', () => {
    expect(namespaces.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...NAMESPACES].sort());
  });

  describe.each(languages.filter((language) => language !== 'en'))('%s', (language) => {
    it.each(namespaces)('%s has exactly the keys English has, with the same placeholders', (namespace) => {
      const english = read('en', namespace);
      const translated = read(language, namespace);
      expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
      expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
      const wrongPlaceholders = [...english].filter(([key, text]) => translated.has(key) && placeholders(text).join() !== placeholders(translated.get(key)!).join());
      expect(wrongPlaceholders.map(([key]) => key)).toEqual([]);
      expect([...translated].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });
});
