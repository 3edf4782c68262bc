/** The languages the web app speaks, each named in itself for the switcher. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
  { code: 'pt', name: 'Português' },
  { code: 'zh', name: '中文' },
  { code: 'ja', name: '日本語' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_CODES: LanguageCode[] = LANGUAGES.map((language) => language.code);

/** One namespace per feature folder, loaded with the feature. */
export const NAMESPACES = ['common', 'portal', 'assistant', 'inbox', 'ticket', 'admin', 'reports', 'kb'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'smartdesk.language';
