/** Names of the languages replies are written in, for prompts (a model follows "Spanish" better than "es"). */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  zh: 'Chinese (Simplified)',
  ja: 'Japanese',
  it: 'Italian',
  nl: 'Dutch',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? `the language with ISO 639-1 code "${code}"`;
}
