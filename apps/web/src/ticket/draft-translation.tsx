import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { assistApi } from './assist-api';
import { AssistButton } from './assist-button';
import { MachineTextView } from './machine-text-view';
import { useAssist } from './use-assist';

interface DraftTranslationProps {
  ticketId: string;
  draft: string;
  customerLanguage: string;
  onUse: (translated: string) => void;
}

/** "Translate my reply into <customer's language>": the agent reads the machine translation, then sends it or not. */
export function DraftTranslation({ ticketId, draft, customerLanguage, onUse }: DraftTranslationProps) {
  const { t } = useTranslation('ticket');
  const languageName = useFormat().language(customerLanguage);
  const translate = useAssist(async (text: string) => (await assistApi.translate(ticketId, { targetLanguage: customerLanguage, text })).translations[0]);
  // A result is shown only while it still translates what the composer holds.
  const current = translate.data && translate.variables === draft ? translate.data : undefined;
  return (
    <Stack gap={4}>
      <AssistButton
        label={t('assist.translateReply', { language: languageName })}
        llmMissing={translate.llmMissing}
        loading={translate.isPending}
        disabled={!draft.trim() || current !== undefined}
        onClick={() => translate.mutate(draft)}
      />
      {translate.failed && (
        <Text size="xs" c="red.8">
          {t('assist.failed')}
        </Text>
      )}
      {current && (
        <MachineTextView label={t('assist.replyTranslation', { language: languageName })} output={current}>
          <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => onUse(current.text)}>
            {t('assist.useTranslation')}
          </Button>
        </MachineTextView>
      )}
    </Stack>
  );
}
