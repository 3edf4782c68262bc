import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { api, withQuery } from '../api/api-client';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { LANGUAGES } from '../i18n/languages';
import { ArticleCell } from './article-cell';
import type { KbArticlePage } from './kb-api';
import { PageNavigation } from '../admin/page-navigation';

const PAGE_SIZE = 20;

export function KbListPage() {
  const { t } = useTranslation('kb');
  const { hasRole } = useSession();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [search] = useDebouncedValue({ q: q.trim(), category: category.trim() }, 300);
  const query = { ...search, language, source, page, pageSize: PAGE_SIZE };
  const articles = useQuery({
    queryKey: ['kb', 'articles', query],
    queryFn: ({ signal }) => api<KbArticlePage>(withQuery('/api/kb/articles', query), { signal }),
    placeholderData: keepPreviousData,
  });
  const filterChanged =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/kb/duplicates" variant="default">
            {t('duplicates.title')}
          </Button>
          {hasRole('admin') && (
            <Button component={Link} to="/kb/upload">
              {t('upload.title')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('filters')}>
        <TextInput type="search" label={t('search')} w={260} value={q} onChange={(event) => filterChanged(setQ)(event.currentTarget.value)} />
        <TextInput label={t('field.category')} w={180} value={category} onChange={(event) => filterChanged(setCategory)(event.currentTarget.value)} />
        <Select label={t('field.language')} w={160} clearable data={LANGUAGES.map(({ code, name }) => ({ value: code, label: name }))} value={language} onChange={filterChanged(setLanguage)} />
        <Select
          label={t('field.source')}
          w={160}
          clearable
          data={[
            { value: 'api', label: t('source.api') },
            { value: 'file', label: t('source.file') },
          ]}
          value={source}
          onChange={filterChanged(setSource)}
        />
      </Group>
      <ApiErrorAlert error={articles.error} />
      {articles.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('count', { count: articles.data.total })}
          </Text>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.title')}</Table.Th>
                <Table.Th>{t('field.category')}</Table.Th>
                <Table.Th>{t('field.language')}</Table.Th>
                <Table.Th>{t('field.source')}</Table.Th>
                <Table.Th>{t('field.version')}</Table.Th>
                <Table.Th>{t('field.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {articles.data.items.map((article) => (
                <Table.Tr key={article.id}>
                  <ArticleCell article={article} />
                  <Table.Td>{article.category}</Table.Td>
                  <Table.Td>{article.language}</Table.Td>
                  <Table.Td>
                    <Badge color={article.source === 'api' ? 'indigo.9' : 'gray.7'}>{t(`source.${article.source}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {article.version}
                    {!article.indexed && (
                      <Badge ml="xs" size="xs" color="yellow.4" autoContrast>
                        {t('indexing')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{format.dateTime(article.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PageNavigation total={articles.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
