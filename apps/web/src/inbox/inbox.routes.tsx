import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { InboxPage } from './inbox-page';

export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route index element={<InboxPage />} />
      </Routes>
    </RequireRole>
  );
}
