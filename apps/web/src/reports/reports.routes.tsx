import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ScreenPlaceholder } from '../app/screen-placeholder';
import { RequireRole } from '../auth/require-role';

function ReportsHome() {
  const { t } = useTranslation('reports');
  return <ScreenPlaceholder title={t('title')} />;
}

/** The reports screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. */
export function Component() {
  return (
    <RequireRole roles={['manager', 'admin']}>
      <Routes>
        <Route index element={<ReportsHome />} />
      </Routes>
    </RequireRole>
  );
}
