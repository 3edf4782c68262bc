import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assistApi } from './assist-api';
import { AssistButton } from './assist-button';
import { MachineTextView } from './machine-text-view';
import { useAssist } from './use-assist';

/** A short LLM summary of the thread for a handover or escalation, in the agent's language; staff only (it reads internal notes). */
export function ThreadSummary({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation('ticket');
  const summary = useAssist(() => assistApi.summarize(ticketId, i18n.resolvedLanguage ?? 'en'));
  return (
    <Card withBorder component="section" aria-labelledby="summary-title">
      <Title order={2} size="h4" id="summary-title" mb="xs">
        {t('assist.summaryTitle')}
      </Title>
      <Stack gap="xs">
        <AssistButton label={summary.data ? t('assist.summarizeAgain') : t('assist.summarize')} llmMissing={summary.llmMissing} loading={summary.isPending} onClick={() => summary.mutate(undefined)} />
        {summary.llmMissing && (
          <Alert color="gray" p="xs">
            <Text size="xs">{t('assist.noLlm')}</Text>
          </Alert>
        )}
        {summary.failed && (
          <Text size="xs" c="red.8">
            {t('assist.failed')}
          </Text>
        )}
        {summary.data && <MachineTextView label={t('assist.summary')} output={summary.data} />}
      </Stack>
    </Card>
  );
}
