import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';
import { RequireRole } from '../auth/require-role';

function InboxPage() {
  const { t } = useTranslation('inbox');
  return <ScreenPlaceholder title={t('title')} />;
}

export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route index element={<InboxPage />} />
      </Routes>
    </RequireRole>
  );
}
