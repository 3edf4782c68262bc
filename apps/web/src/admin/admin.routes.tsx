import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';
import { RequireRole } from '../auth/require-role';

function AdminHome() {
  const { t } = useTranslation('admin');
  return <ScreenPlaceholder title={t('title')} />;
}

/** The admin screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. */
export function Component() {
  return (
    <RequireRole roles={['admin']}>
      <Routes>
        <Route index element={<AdminHome />} />
      </Routes>
    </RequireRole>
  );
}
