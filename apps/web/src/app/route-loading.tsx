import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a screen appears while its code, strings or session load: inside the shell, which is already there. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <Center h={200}>
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
