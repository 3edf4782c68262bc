import { useTranslation } from 'react-i18next';
import { localeFormat } from './locale-format';

/** Dates, numbers and durations in the reader's language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  return localeFormat(i18n.resolvedLanguage ?? 'en');
}
