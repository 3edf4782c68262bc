import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-client';

/** The app's one query cache; a module of its own so route loaders can start a screen's data before its code arrives. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
