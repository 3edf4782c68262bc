import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AssistantPanel } from './assistant-panel';

/** The chat in a drawer beside a portal page, which stays as it was underneath. */
export function AssistantDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('assistant');
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t('launcher.title')}
      closeButtonProps={{ 'aria-label': t('launcher.close') }}
      styles={{ body: { height: 'calc(100% - 60px)' } }}
    >
      <AssistantPanel />
    </Drawer>
  );
}
