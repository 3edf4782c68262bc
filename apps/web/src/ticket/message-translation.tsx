import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assistApi } from './assist-api';
import { AssistButton } from './assist-button';
import { MachineTextView } from './machine-text-view';
import { useAssist } from './use-assist';

/** "Translate" under a customer's message: into the agent's UI language. `messageId` null is the ticket's opening text. */
export function MessageTranslation({ ticketId, messageId }: { ticketId: string; messageId: string | null }) {
  const { t, i18n } = useTranslation('ticket');
  const language = i18n.resolvedLanguage ?? 'en';
  const translate = useAssist(async () => {
    // Without messageIds the gateway translates the opening and every customer message (the API has no way to ask for the
    // opening alone); the others are then cached, so their Translate buttons cost no further call.
    const { translations } = await assistApi.translate(ticketId, { targetLanguage: language, ...(messageId ? { messageIds: [messageId] } : {}) });
    return translations.find((translation) => translation.messageId === messageId)!;
  });
  return (
    <Stack gap={4} mt={6}>
      {!translate.data && <AssistButton label={t('assist.translate')} llmMissing={translate.llmMissing} loading={translate.isPending} onClick={() => translate.mutate(undefined)} />}
      {translate.failed && (
        <Text size="xs" c="red.8">
          {t('assist.failed')}
        </Text>
      )}
      {translate.data && <MachineTextView label={t('assist.translation')} output={translate.data} />}
    </Stack>
  );
}
