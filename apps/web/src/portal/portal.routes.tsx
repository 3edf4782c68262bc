import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { CustomerTicketPage } from './customer-ticket-page';
import { MyTicketsPage } from './my-tickets-page';
import { NewRequestPage } from './new-request-page';

/** The customer portal: anyone may submit a request; a signed-in customer follows their tickets. */
export function Component() {
  return (
    <Routes>
      <Route index element={<NewRequestPage />} />
      <Route
        path="tickets"
        element={
          <RequireRole roles={['customer']}>
            <MyTicketsPage />
          </RequireRole>
        }
      />
      <Route
        path="tickets/:id"
        element={
          <RequireRole roles={['customer']}>
            <CustomerTicketPage />
          </RequireRole>
        }
      />
    </Routes>
  );
}
