import { Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ArticleMarkdown } from './article-markdown';
import { portalApi } from './portal-api';

/** An article opened from the suggestions, over the form, so what the customer typed stays where it was. */
export function ArticleModal({ articleId, onClose }: { articleId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('portal');
  const article = useQuery({ queryKey: ['article', articleId], queryFn: () => portalApi.article(articleId!), enabled: !!articleId });
  return (
    <Modal opened={!!articleId} onClose={onClose} size="lg" title={article.data?.title ?? t('article.loading')} closeButtonProps={{ 'aria-label': t('article.close') }}>
      {article.isPending && <Loader aria-label={t('article.loading')} />}
      {article.isError && <Text c="red">{t('article.unavailable')}</Text>}
      {article.data && <ArticleMarkdown body={article.data.body} />}
      <Text size="sm" c="dimmed" mt="md">{t('article.solvedHint')}</Text>
    </Modal>
  );
}
