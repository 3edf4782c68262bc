import { Button, Drawer } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AssistantPanel } from './assistant-panel';

/** "Ask our assistant": the chat in a drawer beside a portal page, which stays as it was underneath. */
export function AssistantLauncher() {
  const { t } = useTranslation('assistant');
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="light" w="fit-content" onClick={open} aria-haspopup="dialog">{t('launcher.open')}</Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={t('launcher.title')}
        closeButtonProps={{ 'aria-label': t('launcher.close') }}
        styles={{ body: { height: 'calc(100% - 60px)' } }}
      >
        <AssistantPanel />
      </Drawer>
    </>
  );
}
