import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { TicketPage } from './ticket-page';

export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route path=":id" element={<TicketPage />} />
      </Routes>
    </RequireRole>
  );
}
