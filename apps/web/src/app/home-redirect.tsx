import { Navigate } from 'react-router';
import { useSession } from '../auth/session-context';

/** Staff start in their inbox, everyone else in the portal. */
export function HomeRedirect() {
  const { account, isStaff } = useSession();
  if (account === undefined) return null;
  return <Navigate to={isStaff ? '/inbox' : '/portal'} replace />;
}
