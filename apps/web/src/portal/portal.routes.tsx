import { lazy } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { NewRequestPage } from './new-request-page';

// A signed-in customer's own tickets load when visited: the new-request form, where everyone lands, does not wait for their tables.
const MyTicketsPage = lazy(() => import('./my-tickets-page').then((module) => ({ default: module.MyTicketsPage })));
const CustomerTicketPage = lazy(() => import('./customer-ticket-page').then((module) => ({ default: module.CustomerTicketPage })));

/** The customer portal: anyone may submit a request; a signed-in customer follows their tickets. */
export function Component() {
  return (
    <Routes>
      <Route index element={<NewRequestPage />} />
      <Route
        path="tickets"
        element={
          <RequireRole roles={['customer']}>
            <Outlet />
          </RequireRole>
        }
      >
        <Route index element={<MyTicketsPage />} />
        <Route path=":id" element={<CustomerTicketPage />} />
      </Route>
    </Routes>
  );
}
