import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';
import { RequireRole } from '../auth/require-role';

function KbHome() {
  const { t } = useTranslation('kb');
  return <ScreenPlaceholder title={t('title')} />;
}

/** The kb screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. */
export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route index element={<KbHome />} />
      </Routes>
    </RequireRole>
  );
}
