import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** The shared formats plus what reports need: durations from seconds in the largest fitting unit, and "—" for a figure without data. */
export function useReportFormat() {
  const { i18n, t } = useTranslation('reports');
  const format = useFormat();
  const locale = i18n.resolvedLanguage ?? 'en';
  const missing = t('noData');
  return {
    ...format,
    percentOrNone: (value: number | null) => (value === null ? missing : format.percent(value)),
    numberOrNone: (value: number | null) => (value === null ? missing : format.number(value)),
    duration: (seconds: number | null) => {
      if (seconds === null) return missing;
      const [unit, size] = seconds >= 86_400 ? (['day', 86_400] as const) : seconds >= 3_600 ? (['hour', 3_600] as const) : seconds >= 60 ? (['minute', 60] as const) : (['second', 1] as const);
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(seconds / size);
    },
  };
}
