import { Button, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasOpened } from '../shared/use-has-opened';

/** The drawer and the chat in it (with its markdown renderer) load when the drawer first opens, not with the page that offers it. */
const AssistantDrawer = lazy(() => import('./assistant-drawer').then((module) => ({ default: module.AssistantDrawer })));

/** "Ask our assistant": the chat in a drawer beside a portal page, which stays as it was underneath. */
export function AssistantLauncher() {
  const { t } = useTranslation('assistant');
  const [opened, { open, close }] = useDisclosure();
  const hasOpened = useHasOpened(opened);
  return (
    <>
      <Button variant="light" w="fit-content" onClick={open} aria-haspopup="dialog">
        {t('launcher.open')}
      </Button>
      {hasOpened && (
        <Suspense fallback={<Loader size="sm" aria-label={t('common:loading')} />}>
          <AssistantDrawer opened={opened} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
