import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function VersionConflictAlert({ currentVersion, onReload }: { currentVersion: number; onReload: () => void }) {
  const { t } = useTranslation('ticket');
  return (
    <Alert color="orange" role="alert" title={t('conflict.title')}>
      {t('conflict.body', { version: currentVersion })}
      <Button size="xs" ml="sm" variant="white" onClick={onReload}>
        {t('conflict.reload')}
      </Button>
    </Alert>
  );
}
