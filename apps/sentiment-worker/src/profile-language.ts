const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The ISO 639-1 language a ticket's metadata declares (`language`, else `locale`): "es", "pt-BR" and
 * "fr_CA" give "es", "pt" and "fr"; retired codes are canonicalised ("iw" → "he"); anything else is ignored.
 */
export function profileLanguage(metadata: Record<string, unknown>): string | undefined {
  for (const key of ['language', 'locale']) {
    const value = metadata[key];
    const code = typeof value === 'string' ? iso6391(value) : undefined;
    if (code) return code;
  }
  return undefined;
}

function iso6391(value: string): string | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'));
  } catch {
    return undefined; // not a BCP 47 tag
  }
  const language = canonical?.split('-')[0];
  return language && /^[a-z]{2}$/.test(language) && LANGUAGE_NAMES.of(language) ? language : undefined;
}
