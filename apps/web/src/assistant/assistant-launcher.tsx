import { Button, Drawer, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/** The chat (with its markdown renderer) loads when the drawer first opens, not with the page that offers it. */
const AssistantPanel = lazy(() => import('./assistant-panel').then((module) => ({ default: module.AssistantPanel })));

/** "Ask our assistant": the chat in a drawer beside a portal page, which stays as it was underneath. */
export function AssistantLauncher() {
  const { t } = useTranslation('assistant');
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="light" w="fit-content" onClick={open} aria-haspopup="dialog">
        {t('launcher.open')}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={t('launcher.title')}
        closeButtonProps={{ 'aria-label': t('launcher.close') }}
        styles={{ body: { height: 'calc(100% - 60px)' } }}
      >
        <Suspense fallback={<Loader aria-label={t('common:loading')} />}>
          <AssistantPanel />
        </Suspense>
      </Drawer>
    </>
  );
}
