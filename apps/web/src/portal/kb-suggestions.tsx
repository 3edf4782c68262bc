import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi } from './portal-api';

/** Fewer letters than this match too much to help. */
const MIN_QUERY_CHARS = 4;

interface KbSuggestionsProps {
  text: string;
  onOpen: (articleId: string) => void;
  onShown: () => void;
}

/** Articles matching what the customer is typing, in their language where one exists. */
export function KbSuggestions({ text, onOpen, onShown }: KbSuggestionsProps) {
  const { t, i18n } = useTranslation('portal');
  const [query] = useDebouncedValue(text.trim().slice(0, 300), 350);
  const language = i18n.resolvedLanguage ?? 'en';
  const suggestions = useQuery({
    queryKey: ['kb-suggestions', query, language],
    queryFn: ({ signal }) => portalApi.suggestions(query, language, signal),
    enabled: query.length >= MIN_QUERY_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const found = query.length >= MIN_QUERY_CHARS ? (suggestions.data ?? []) : [];
  useEffect(() => {
    if (found.length > 0) onShown();
  }, [found.length, onShown]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-suggestions-title" aria-live="polite">
      <Title order={2} size="h4" id="kb-suggestions-title">
        {t('suggestions.title')}
      </Title>
      {found.length === 0 ? (
        <Text size="sm" c="dark.4">
          {t('suggestions.empty')}
        </Text>
      ) : (
        found.map((article) => (
          <Card key={article.id} withBorder padding="sm">
            <Anchor component="button" type="button" fw={600} ta="start" onClick={() => onOpen(article.id)}>
              {article.title}
            </Anchor>
            <Text size="sm" c="dark.4" lineClamp={3}>
              {article.excerpt}
            </Text>
          </Card>
        ))
      )}
    </Stack>
  );
}
