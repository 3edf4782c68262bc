import { useTranslation } from 'react-i18next';

/** Dates, numbers and durations in the reader's language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    dateTime: (value: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    /** 'de' → "German" in an English UI, "Deutsch" in a German one. */
    language: (code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code,
    percent: (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value),
    /** "in 3 hours", "5 minutes ago" */
    relative: (value: string | Date, now = Date.now()) => relativeTime(locale, new Date(value).getTime() - now),
  };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function relativeTime(locale: string, deltaMs: number): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(deltaMs) >= ms) return format.format(Math.round(deltaMs / ms), unit);
  return format.format(Math.round(deltaMs / 1000), 'second');
}
