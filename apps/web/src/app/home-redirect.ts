import { redirect } from 'react-router';
import { sessionQuery } from '../auth/session-context';
import { queryClient } from './query-client';

/**
 * Staff start in their inbox, everyone else in the portal. A loader rather than a component: the router follows the
 * redirect as it starts, so it fetches the landing screen's code as soon as the session is known, and the shell
 * renders once, with that screen, instead of first empty and then again after an effect navigates.
 */
export async function homeRedirect(): Promise<Response> {
  const account = await queryClient.ensureQueryData(sessionQuery);
  return redirect(account && account.role !== 'customer' ? '/inbox' : '/portal');
}
