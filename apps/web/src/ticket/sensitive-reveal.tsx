import { Alert, Button, Card, Paper, Stack, Text, Title } from '@mantine/core';
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
      <Title order={2} size="h4" id="sensitive-title" mb="xs">
        {t('sensitive.title')}
      </Title>
      {!revealed && (
        <Stack gap="xs">
          <Text size="sm">{t('sensitive.hint')}</Text>
          <Button size="xs" color="red.8" variant="outline" loading={reveal.isPending} onClick={() => reveal.mutate()}>
            {t('sensitive.reveal')}
          </Button>
        </Stack>
      )}
      {revealed && (
        <Stack gap="xs">
          <Alert color="orange" role="status">
            <Text size="sm" c="dark.8">
              {t('sensitive.audited')}
            </Text>
          </Alert>
          {revealed.revealed.length === 0 && <Text size="sm">{t('sensitive.nothingMasked')}</Text>}
          <Text size="sm" fw={600}>
            {revealed.subject}
          </Text>
          <RevealedText text={revealed.description} />
          {revealed.messages
            .filter((message) => revealed.revealed.includes(`messages/${message.id}`))
            .map((message) => (
              <RevealedText key={message.id} text={message.body} />
            ))}
          {revealed.resolution && revealed.revealed.includes('resolution') && <RevealedText text={revealed.resolution} />}
          <Button size="xs" variant="default" onClick={() => reveal.reset()}>
            {t('sensitive.hide')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

function RevealedText({ text }: { text: string }) {
  return (
    <Paper bg="gray.0" p="xs">
      <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Paper>
  );
}
