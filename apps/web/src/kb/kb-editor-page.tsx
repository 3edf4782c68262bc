import { Alert, Button, Card, Center, Group, Loader, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { api, ApiError } from '../api/api-client';
import { articlePath, articleScreen, type KbArticleSummary, type KbArticleDetail } from './kb-api';
import { MarkdownView } from './markdown-view';
import { useArticle } from './use-article';
import { useNotify } from '../admin/use-notify';

type Editable = KbArticleDetail & { deleted: false };

export function KbEditorPage() {
  const { t } = useTranslation('kb');
  const { id, article } = useArticle();
  if (article.isPending)
    return (
      <Center h={200}>
        <Loader aria-label={t('loading', { ns: 'common' })} />
      </Center>
    );
  if (article.error) return <ApiErrorAlert error={article.error} />;
  if (article.data.deleted || article.data.source === 'file') {
    return (
      <Alert color="blue" title={t('fileArticle.title')}>
        {article.data.deleted ? t('deletedNotice') : t('fileArticle.body', { path: article.data.path })}
      </Alert>
    );
  }
  // Keyed by version: a reload after a conflict starts the form again from what is stored now.
  return <ArticleEditor key={article.data.version} id={id} article={article.data} />;
}

function ArticleEditor({ id, article }: { id: string; article: Editable }) {
  const { t } = useTranslation('kb');
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(article.title);
  const [category, setCategory] = useState(article.category);
  const [language, setLanguage] = useState(article.language);
  const [tags, setTags] = useState(article.tags);
  const [body, setBody] = useState(article.body);
  const save = useMutation({
    mutationFn: () => api<KbArticleSummary>(articlePath(id), { method: 'PUT', body: { version: article.version, title, category, language, tags, body } }),
    onSuccess: (saved) => {
      notify.done(t('editor.saved', { version: saved.version }));
      void queryClient.invalidateQueries({ queryKey: ['kb'] });
      navigate(articleScreen(id));
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <Group justify="space-between">
        <Title order={1}>{t('editor.title', { title: article.title })}</Title>
        <Group gap="sm">
          <Button component={Link} to={articleScreen(id)} variant="default">
            {t('editor.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('editor.save')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('editor.editingVersion', { version: article.version })}
      </Text>
      {conflict ? (
        <Alert color="orange" role="alert" title={t('editor.conflictTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('editor.conflictBody', { version: conflict.currentVersion ?? '?' })}</Text>
            <Button size="xs" variant="default" onClick={() => void queryClient.invalidateQueries({ queryKey: ['kb', 'article', id] })}>
              {t('editor.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ApiErrorAlert error={save.error} title={t('editor.notSaved')} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('field.title')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <TextInput label={t('field.category')} required value={category} onChange={(event) => setCategory(event.currentTarget.value)} />
        <TextInput label={t('field.language')} required maxLength={8} value={language} onChange={(event) => setLanguage(event.currentTarget.value)} />
      </SimpleGrid>
      <TagsInput label={t('field.tags')} value={tags} onChange={setTags} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={t('editor.body')}
          description={t('editor.markdown')}
          autosize
          minRows={16}
          maxRows={32}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
        />
        <Card withBorder padding="md" component="section" aria-label={t('editor.preview')}>
          <Text size="sm" fw={500} mb="xs">
            {t('editor.preview')}
          </Text>
          <MarkdownView markdown={body} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
