import { Alert, Badge, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { ArticleVersions } from './article-versions';
import { editScreen } from './kb-api';
import { MarkdownView } from './markdown-view';
import { useArticle } from './use-article';

export function KbArticlePage() {
  const { t } = useTranslation('kb');
  const { hasRole } = useSession();
  const format = useFormat();
  const { id, article } = useArticle();
  if (article.isPending)
    return (
      <Center h={200}>
        <Loader aria-label={t('loading', { ns: 'common' })} />
      </Center>
    );
  if (article.error) return <ApiErrorAlert error={article.error} />;
  const shown = article.data;
  const isFile = shown.source === 'file' && !shown.deleted;
  const editable = hasRole('admin') && !shown.deleted && shown.source === 'api';

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{shown.title}</Title>
          <Group gap="xs">
            <Badge color="indigo.9">{shown.category}</Badge>
            <Badge color="gray.7">{shown.language}</Badge>
            <Badge color={shown.source === 'api' ? 'indigo.9' : 'gray.7'}>{t(`source.${shown.source}`)}</Badge>
            {shown.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8">
                {tag}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {id}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/kb" variant="default">
            {t('backToList')}
          </Button>
          {editable && (
            <Button component={Link} to={editScreen(id)}>
              {t('edit')}
            </Button>
          )}
        </Group>
      </Group>
      {shown.deleted && <Alert color="yellow">{t('deletedNotice')}</Alert>}
      {isFile && (
        <Alert color="blue" title={t('fileArticle.title')}>
          {t('fileArticle.body', { path: shown.path })}
        </Alert>
      )}
      {!shown.deleted && (
        <Text size="sm" c="dimmed">
          {t('lastChange', { version: shown.version, by: shown.updatedBy, when: format.dateTime(shown.updatedAt) })}
        </Text>
      )}
      <Card withBorder padding="lg">
        <MarkdownView markdown={shown.body} />
      </Card>
      <ArticleVersions id={id} versions={shown.versions} currentVersion={shown.deleted ? undefined : shown.version} canRestore={hasRole('admin') && !isFile} />
    </Stack>
  );
}
