import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A screen that is not built yet: its title and a line saying so. */
export function ScreenPlaceholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text>{t('comingSoon')}</Text>
    </Stack>
  );
}
