import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/api-types';
import { useSession } from './session-context';

/** Shows its children to the given roles; sends anyone else to sign in, and back here afterwards. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { account, hasRole } = useSession();
  const location = useLocation();
  if (account === undefined)
    return (
      <Center h={200}>
        <Loader aria-label={t('loading')} />
      </Center>
    );
  if (!hasRole(...roles)) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
