/** Dates, numbers, lists and durations in one locale, through Intl (without React: render helpers and their tests use it). */
export function localeFormat(locale: string) {
  return {
    dateTime: (value: string | Date) => formatter(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    number: (value: number) => formatter(Intl.NumberFormat, locale, {}).format(value),
    /** A sentiment score in [-1, 1], always with two decimals: "-0.62", "-0,62". */
    score: (value: number) => formatter(Intl.NumberFormat, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
    /** 'de' → "German" in an English UI, "Deutsch" in a German one. */
    language: (code: string) => formatter(Intl.DisplayNames, locale, { type: 'language' }).of(code) ?? code,
    percent: (value: number) => formatter(Intl.NumberFormat, locale, { style: 'percent', maximumFractionDigits: 0 }).format(value),
    /** "categorization and sentiment", "Kategorisierung und Stimmung" */
    list: (items: string[]) => formatter(Intl.ListFormat, locale, { type: 'conjunction' }).format(items),
    /** "in 3 hours", "5 minutes ago" */
    relative: (value: string | Date, now = Date.now()) => relativeTime(locale, new Date(value).getTime() - now),
  };
}

export type LocaleFormat = ReturnType<typeof localeFormat>;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** Building an Intl formatter costs far more than using one (the inbox formats every row on each render): one per locale and options. */
const formatters = new Map<string, unknown>();
function formatter<Options, Format>(Kind: new (locale: string, options: Options) => Format, locale: string, options: Options): Format {
  const key = `${Kind.name} ${locale} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Kind(locale, options));
  return formatters.get(key) as Format;
}

function relativeTime(locale: string, deltaMs: number): string {
  const format = formatter(Intl.RelativeTimeFormat, locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(deltaMs) >= ms) return format.format(Math.round(deltaMs / ms), unit);
  return format.format(Math.round(deltaMs / 1000), 'second');
}
