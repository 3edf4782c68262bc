import { Alert, Anchor, Button, Grid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../api/use-api-error';
import { useSession } from '../auth/session-context';
import { ArticleModal } from '../shared/article-modal';
import { AttachmentInput, isUploadRefusal } from '../shared/attachment-input';
import { AssistantLauncher } from '../assistant/assistant-launcher';
import { KbSuggestions } from './kb-suggestions';
import { portalApi } from './portal-api';
import { usePortalVisit } from './use-portal-visit';

/** Submit a request, signed in or with name and email; matching articles show up while typing. */
export function NewRequestPage() {
  const { t } = useTranslation('portal');
  const { account } = useSession();
  const showError = useShowError();
  const report = usePortalVisit();
  const [form, setForm] = useState({ customerName: '', customerEmail: '', subject: '', description: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [openArticle, setOpenArticle] = useState<string>();
  const submit = useMutation({
    mutationFn: () => portalApi.submit(account ? { subject: form.subject, description: form.description } : form, files),
    onSuccess: () => {
      setFiles([]);
      report('ticket-submitted');
    },
    onError: (error) => !(files.length && isUploadRefusal(error)) && showError(error),
  });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });

  if (submit.data) {
    return (
      <Stack maw={640}>
        <Title order={1}>{t('submitted.title')}</Title>
        <Alert color="green" role="status">
          {t('submitted.body', { number: submit.data.number })}
        </Alert>
        {account ? (
          <Anchor component={Link} to={`/portal/tickets/${submit.data.id}`}>
            {t('submitted.follow')}
          </Anchor>
        ) : (
          <Text>{t('submitted.byEmail')}</Text>
        )}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => {
            submit.reset();
            setForm({ ...form, subject: '', description: '' });
          }}
        >
          {t('submitted.another')}
        </Button>
      </Stack>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <Stack>
      <Title order={1}>{t('newRequest.title')}</Title>
      <Text c="dark.4">{t('newRequest.intro')}</Text>
      <AssistantLauncher />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack component="form" onSubmit={onSubmit} aria-label={t('newRequest.formLabel')}>
            {!account && (
              <>
                <TextInput label={t('newRequest.name')} required maxLength={200} autoComplete="name" {...field('customerName')} />
                <TextInput label={t('newRequest.email')} type="email" required maxLength={320} autoComplete="email" {...field('customerEmail')} />
              </>
            )}
            <TextInput label={t('newRequest.subject')} required maxLength={300} {...field('subject')} />
            <Textarea label={t('newRequest.description')} required minRows={6} autosize maxLength={20_000} {...field('description')} />
            <AttachmentInput
              files={files}
              onChange={(picked) => {
                setFiles(picked);
                submit.reset();
              }}
              error={files.length && isUploadRefusal(submit.error) ? submit.error : undefined}
            />
            <Button type="submit" loading={submit.isPending} w="fit-content">
              {t('newRequest.submit')}
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <KbSuggestions
            text={`${form.subject} ${form.description}`}
            onShown={() => report('suggestions-shown')}
            onOpen={(articleId) => {
              report('article-opened', articleId);
              setOpenArticle(articleId);
            }}
          />
        </Grid.Col>
      </Grid>
      <ArticleModal articleId={openArticle} onClose={() => setOpenArticle(undefined)} hint={t('article.solvedHint')} />
    </Stack>
  );
}
