import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import englishCommon from '../locales/en/common.json';
import { LANGUAGE_CODES, LANGUAGE_STORAGE_KEY } from './languages';

type LocaleModule = { default: Record<string, unknown> };

/**
 * Every other locale file as its own chunk: a language's namespace is fetched when a screen first needs it.
 * English common is in the bundle: the shell cannot paint without it for English readers, and every other
 * language needs it too as the fallback, so fetching it separately only added a round trip before the first paint.
 */
const localeFiles = import.meta.glob<LocaleModule>(['../locales/*/*.json', '!../locales/en/common.json']);

/**
 * Loads locale files from the bundle. A few lines instead of i18next-resources-to-backend (not among
 * this round's dependencies); an HTTP backend would need a separate copy of the files outside the build.
 */
const bundledLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = localeFiles[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no locale file ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

/** Keys asked for but found in no language: the browser tests read this list and expect it empty. */
export const missingKeys: string[] = [];
declare global {
  interface Window {
    smartdeskMissingKeys?: string[];
  }
}
window.smartdeskMissingKeys = missingKeys;

export const i18nReady = i18next
  .use(bundledLocales)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    supportedLngs: LANGUAGE_CODES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    resources: { en: { common: englishCommon } },
    // The bundled resources above are not all there is: the rest comes from the backend.
    partialBundledLanguages: true,
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: ['localStorage'] },
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => missingKeys.push(`${languages.join(',')}:${namespace}:${key}`),
  });

/** Keeps <html lang> in step for screen readers and the browser's own features (hyphenation, fonts). */
i18next.on('languageChanged', (language) => document.documentElement.setAttribute('lang', language));

export { i18next };
