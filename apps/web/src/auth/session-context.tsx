import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, ApiError } from '../api/api-client';
import type { Account, Role } from '../api/api-types';

interface Session {
  /** The signed-in account; null when anonymous; undefined while it is being read. */
  account: Account | null | undefined;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  isStaff: boolean;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);
const SESSION_KEY = ['session'];

async function readAccount(): Promise<Account | null> {
  try {
    return await api<Account>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Who is signed in; main.tsx asks for it at boot, alongside the translations, as every screen waits for it. */
export const sessionQuery = queryOptions({ queryKey: SESSION_KEY, queryFn: readAccount, staleTime: Infinity });

/** The session lives in an httpOnly cookie the page never reads: who is signed in comes from GET /api/auth/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: account } = useQuery(sessionQuery);
  const signInMutation = useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api('/api/auth/login', { method: 'POST', body: credentials }),
  });
  const session = useMemo<Session>(
    () => ({
      account,
      isStaff: !!account && account.role !== 'customer',
      hasRole: (...roles) => !!account && roles.includes(account.role),
      signIn: async (email, password) => {
        await signInMutation.mutateAsync({ email, password });
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
        queryClient.setQueryData(SESSION_KEY, await readAccount());
      },
      signOut: async () => {
        await api('/api/auth/logout', { method: 'POST' });
        queryClient.clear();
        queryClient.setQueryData(SESSION_KEY, null);
      },
    }),
    [account, queryClient, signInMutation],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
