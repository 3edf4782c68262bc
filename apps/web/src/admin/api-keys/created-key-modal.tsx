import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from '../admin-api';

/** The key, this once: the gateway keeps only its hash. */
export function CreatedKeyModal({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened onClose={onClose} title={t('apiKeys.createdTitle', { name: created.name })} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <Alert color="yellow">{t('apiKeys.shownOnce')}</Alert>
        <Text size="sm" id="created-key-label">
          {t('apiKeys.theKey')}
        </Text>
        <Code block aria-labelledby="created-key-label" data-testid="created-api-key">
          {created.key}
        </Code>
        <Text size="sm">{t('apiKeys.howToUse')}</Text>
        <Group justify="flex-end">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('apiKeys.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
