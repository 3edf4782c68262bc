import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const locale = (language: string, namespace: string) => JSON.parse(readFileSync(join(__dirname, '../locales', language, `${namespace}.json`), 'utf8'));

/** For specs: a translator over the shipped `common` and `ticket` locales of a language that records each key it lacks in `missing`. */
export async function localeTranslator(language: string, missing: string[]): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    ns: ['common', 'ticket'],
    resources: { [language]: { common: locale(language, 'common'), ticket: locale(language, 'ticket') } },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_languages, namespace, key) => missing.push(`${language}:${namespace}:${key}`),
  });
  return instance.t;
}
