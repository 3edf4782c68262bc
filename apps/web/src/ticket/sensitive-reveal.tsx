import { Alert, Button, Card, Code, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../api/use-api-error';
import { staffApi } from '../shared/staff-api';

/**
 * For managers and admins: the ticket's text with what every other view masks (card numbers, passwords, keys).
 * Asked for on purpose, one click each time, because the gateway writes every reveal to the audit log.
 */
export function SensitiveReveal({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('ticket');
  const showError = useShowError();
  const reveal = useMutation({ mutationFn: () => staffApi.reveal(ticketId), onError: showError });
  const revealed = reveal.data;
  return (
    <Card withBorder component="section" aria-labelledby="sensitive-title">
      <Title order={2} size="h4" id="sensitive-title" mb="xs">{t('sensitive.title')}</Title>
      {!revealed && (
        <Stack gap="xs">
          <Text size="sm">{t('sensitive.hint')}</Text>
          <Button size="xs" color="red.8" variant="outline" loading={reveal.isPending} onClick={() => reveal.mutate()}>{t('sensitive.reveal')}</Button>
        </Stack>
      )}
      {revealed && (
        <Stack gap="xs">
          <Alert color="orange" role="status">{t('sensitive.audited')}</Alert>
          {revealed.revealed.length === 0 && <Text size="sm">{t('sensitive.nothingMasked')}</Text>}
          <Text size="sm" fw={600}>{revealed.subject}</Text>
          <Code block>{revealed.description}</Code>
          {revealed.messages
            .filter((message) => revealed.revealed.includes(`messages/${message.id}`))
            .map((message) => <Code block key={message.id}>{message.body}</Code>)}
          {revealed.resolution && revealed.revealed.includes('resolution') && <Code block>{revealed.resolution}</Code>}
          <Button size="xs" variant="default" onClick={() => reveal.reset()}>{t('sensitive.hide')}</Button>
        </Stack>
      )}
    </Card>
  );
}
