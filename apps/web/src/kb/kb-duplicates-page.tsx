import { Button, Center, Group, Loader, Slider, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { api, withQuery } from '../api/api-client';
import { useFormat } from '../i18n/format';
import { ArticleCell } from './article-cell';
import type { NearDuplicatePair } from './kb-api';

/** Pairs of near-duplicate titles (FAQ questions), most similar first, at a chosen threshold. */
export function KbDuplicatesPage() {
  const { t } = useTranslation('kb');
  const format = useFormat();
  const [threshold, setThreshold] = useState<number | undefined>(undefined);
  const [asked] = useDebouncedValue(threshold, 300);
  const duplicates = useQuery({
    queryKey: ['kb', 'duplicates', asked],
    queryFn: ({ signal }) => api<{ threshold: number; pairs: NearDuplicatePair[] }>(withQuery('/api/kb/duplicates', { threshold: asked }), { signal }),
    placeholderData: keepPreviousData,
  });
  const shownThreshold = threshold ?? duplicates.data?.threshold ?? 0.6;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('duplicates.title')}</Title>
        <Button component={Link} to="/kb" variant="default">
          {t('backToList')}
        </Button>
      </Group>
      <Text size="sm">{t('duplicates.help')}</Text>
      <Stack gap={4} maw={360}>
        <Text size="sm" fw={500} id="kb-threshold">
          {t('duplicates.threshold', { value: format.percent(shownThreshold) })}
        </Text>
        <Slider thumbLabel={t('duplicates.thresholdLabel')} min={0.1} max={1} step={0.05} value={shownThreshold} onChange={setThreshold} label={(value) => format.percent(value)} />
      </Stack>
      <ApiErrorAlert error={duplicates.error} />
      {duplicates.isPending && (
        <Center h={120}>
          <Loader aria-label={t('loading', { ns: 'common' })} />
        </Center>
      )}
      {duplicates.data &&
        (duplicates.data.pairs.length === 0 ? (
          <Text c="dimmed">{t('duplicates.none')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('duplicates.first')}</Table.Th>
                <Table.Th>{t('duplicates.second')}</Table.Th>
                <Table.Th>{t('field.language')}</Table.Th>
                <Table.Th>{t('duplicates.similarity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duplicates.data.pairs.map((pair) => (
                <Table.Tr key={`${pair.a.id}|${pair.b.id}`}>
                  <ArticleCell article={pair.a} />
                  <ArticleCell article={pair.b} />
                  <Table.Td>{pair.a.language}</Table.Td>
                  <Table.Td>{format.percent(pair.similarity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Stack>
  );
}
