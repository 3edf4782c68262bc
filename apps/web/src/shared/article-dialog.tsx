import { Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import type { PublicArticle } from '../api/api-types';

/** The markdown renderer (react-markdown and its parser, more than the rest of the portal together) loads when an article opens. */
const ArticleMarkdown = lazy(() => import('./article-markdown').then((module) => ({ default: module.ArticleMarkdown })));

export interface ArticleModalProps {
  articleId: string | undefined;
  onClose: () => void;
  hint?: string;
}

/** A knowledge-base article over the current screen, so what was typed there stays where it was. */
export function ArticleDialog({ articleId, onClose, hint }: ArticleModalProps) {
  const { t } = useTranslation();
  const article = useQuery({ queryKey: ['article', articleId], queryFn: () => api<PublicArticle>(`/api/self-service/articles/${encodeURIComponent(articleId!)}`), enabled: !!articleId });
  return (
    <Modal opened={!!articleId} onClose={onClose} size="lg" title={article.data?.title ?? t('article.loading')} closeButtonProps={{ 'aria-label': t('article.close') }}>
      {article.isPending && <Loader aria-label={t('article.loading')} />}
      {article.isError && <Text c="red">{t('article.unavailable')}</Text>}
      {article.data && (
        <Suspense fallback={<Loader aria-label={t('article.loading')} />}>
          <ArticleMarkdown body={article.data.body} />
        </Suspense>
      )}
      {hint && (
        <Text size="sm" c="dark.4" mt="md">
          {hint}
        </Text>
      )}
    </Modal>
  );
}
