import { queryOptions } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../app/query-client';
import { staffApi } from '../shared/staff-api';
import { filtersFrom, type Filters } from './inbox-filters';

const PAGE_SIZE = 25;

/** One page of the inbox for the given filters: the page reads it, the route's loader asks for it first. */
export const inboxTicketsQuery = (filters: Filters) => queryOptions({ queryKey: ['tickets', 'inbox', filters], queryFn: () => staffApi.tickets({ ...filters, pageSize: PAGE_SIZE }) });

/**
 * The inbox route's loader: starts the list's request as the route matches, in parallel with the route's code and
 * translations rather than after them. It does not wait for the answer (the page shows it when it comes).
 */
export function prefetchInbox({ request }: LoaderFunctionArgs): null {
  void queryClient.prefetchQuery(inboxTicketsQuery(filtersFrom(new URL(request.url).searchParams)));
  return null;
}
