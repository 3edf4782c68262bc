import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { ReportsPage } from './reports-page';

/** The reports screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. */
export function Component() {
  return (
    <RequireRole roles={['manager', 'admin']}>
      <Routes>
        <Route index element={<ReportsPage />} />
      </Routes>
    </RequireRole>
  );
}
