import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';

/** The detector caches the choice in localStorage, so it is remembered on the next visit. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language')}
      w={130}
      size="xs"
      data={LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
    />
  );
}
