import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAMESPACES } from '../i18n/languages';

/**
 * Every language has every key English has (and no stray ones), in every namespace; placeholders match too.
 * A plural key (`tickets_one`, `tickets_other`) counts as one key that has exactly the forms its language needs.
 */
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

const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;

/** Each key with its text; a plural key once, under its base name, with the forms it has and their texts. */
function read(language: string, namespace: string): Map<string, { forms: string[]; texts: string[] }> {
  const keys = new Map<string, { forms: string[]; texts: string[] }>();
  for (const [path, text] of flatten(JSON.parse(readFileSync(join(LOCALES, language, namespace), 'utf8')))) {
    const [, base, form] = path.match(PLURAL_FORM) ?? [path, path];
    const key = keys.get(base) ?? keys.set(base, { forms: [], texts: [] }).get(base)!;
    if (form) key.forms.push(form);
    key.texts.push(text);
  }
  return keys;
}
/** The placeholders of all a key's forms (one form may leave the count out: "in the last day"). */
const placeholders = (texts: string[]) => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1])))].sort();
/** The forms i18next asks for, in the language's own plural rules (French "many": 1 000 000). */
const pluralForms = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();

describe('locale files', () => {
  it('cover the seven languages', () => {
    expect(languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh']);
  });

  it('are the namespaces the router loads with each feature', () => {
    expect(namespaces.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...NAMESPACES].sort());
  });

  describe.each(languages)('%s', (language) => {
    it.each(namespaces)('%s has every plural key in exactly the forms the language needs', (namespace) => {
      const plurals = [...read(language, namespace)].filter(([, { forms }]) => forms.length > 0);
      expect(plurals.filter(([, { forms }]) => forms.sort().join() !== pluralForms(language).join()).map(([key]) => key)).toEqual([]);
    });
  });

  describe.each(languages.filter((language) => language !== 'en'))('%s', (language) => {
    it.each(namespaces)('%s has exactly the keys English has, with the same placeholders', (namespace) => {
      const english = read('en', namespace);
      const translated = read(language, namespace);
      expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
      expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
      const wrongPlaceholders = [...english].filter(([key, { texts }]) => translated.has(key) && placeholders(texts).join() !== placeholders(translated.get(key)!.texts).join());
      expect(wrongPlaceholders.map(([key]) => key)).toEqual([]);
      expect([...translated].filter(([, { texts }]) => texts.some((text) => text.trim() === '')).map(([key]) => key)).toEqual([]);
    });
  });
});
