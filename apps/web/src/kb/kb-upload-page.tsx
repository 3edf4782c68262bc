import { Alert, Anchor, Button, FileInput, Group, List, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { api } from '../api/api-client';
import { articleScreen, type KbArticleSummary } from './kb-api';

type Format = 'json' | 'markdown';

/** The content goes to the gateway as written: it checks every rule and answers 422 with each problem. */
async function upload(format: Format, content: string): Promise<{ articles: KbArticleSummary[] }> {
  if (format === 'markdown') return api('/api/kb/articles', { method: 'POST', body: content, contentType: 'text/markdown' });
  return api('/api/kb/articles', { method: 'POST', body: content, contentType: 'application/json' });
}

export function KbUploadPage() {
  const { t } = useTranslation('kb');
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>('json');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({ mutationFn: () => upload(format, content), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['kb'] }) });

  const pick = async (picked: File | null) => {
    setFile(picked);
    if (!picked) return;
    setFormat(/\.(md|markdown)$/i.test(picked.name) ? 'markdown' : 'json');
    setContent(await picked.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };

  return (
    <Stack component="form" onSubmit={submit} maw={900}>
      <Group justify="space-between">
        <Title order={1}>{t('upload.title')}</Title>
        <Button component={Link} to="/kb" variant="default">
          {t('backToList')}
        </Button>
      </Group>
      <Text size="sm">{t('upload.help')}</Text>
      <Group align="flex-end">
        <FileInput label={t('upload.file')} w={320} accept=".json,.md,.markdown,application/json,text/markdown" clearable value={file} onChange={(picked) => void pick(picked)} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="kb-upload-format">
            {t('upload.format')}
          </Text>
          <SegmentedControl
            aria-labelledby="kb-upload-format"
            value={format}
            onChange={(value) => setFormat(value as Format)}
            data={[
              { value: 'json', label: t('upload.json') },
              { value: 'markdown', label: t('upload.markdown') },
            ]}
          />
        </Stack>
      </Group>
      <Textarea
        label={t('upload.content')}
        required
        autosize
        minRows={12}
        maxRows={30}
        value={content}
        onChange={(event) => setContent(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
      />
      <Group>
        <Button type="submit" loading={send.isPending} disabled={!content.trim()}>
          {t('upload.submit')}
        </Button>
      </Group>
      <ApiErrorAlert error={send.error} title={t('upload.refused')} />
      {send.data && (
        <Alert color="teal" role="status" title={t('upload.created', { count: send.data.articles.length })}>
          <List size="sm">
            {send.data.articles.map((article) => (
              <List.Item key={article.id}>
                <Anchor component={Link} to={articleScreen(article.id)}>
                  {article.title}
                </Anchor>{' '}
                ({article.id})
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
