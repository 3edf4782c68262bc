import { Navigate, Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { AdminLayout } from './admin-layout';
import { ApiKeysPage } from './api-keys/api-keys-page';
import { AuditPage } from './audit/audit-page';
import { ModelsPage } from './models/models-page';
import { RoutingRulesPage } from './routing/routing-rules-page';
import { TeamsPage } from './teams/teams-page';
import { UsersPage } from './users/users-page';

/** The admin screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. */
export function Component() {
  return (
    <RequireRole roles={['admin']}>
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="routing" element={<RoutingRulesPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
          <Route path="models" element={<ModelsPage />} />
          <Route path="audit" element={<AuditPage />} />
        </Route>
      </Routes>
    </RequireRole>
  );
}
