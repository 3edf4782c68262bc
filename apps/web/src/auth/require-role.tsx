import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/api-types';
import { RouteLoading } from '../app/route-loading';
import { useSession } from './session-context';

/** Shows its children to the given roles; sends anyone else to sign in, and back here afterwards. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { account, hasRole } = useSession();
  const location = useLocation();
  if (account === undefined) return <RouteLoading />;
  if (!hasRole(...roles)) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
