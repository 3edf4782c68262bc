import { queryOptions } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../app/query-client';
import { i18next, i18nReady } from '../i18n/i18n';
import { staffApi, teamsQuery } from '../shared/staff-api';
import { categoriesQuery } from '../shared/use-categories';
import { filtersFrom, type Filters } from './inbox-filters';

const PAGE_SIZE = 25;

/** One page of the inbox for the given filters: the page reads it, the route's loader asks for it first. */
export const inboxTicketsQuery = (filters: Filters) => queryOptions({ queryKey: ['tickets', 'inbox', filters], queryFn: () => staffApi.tickets({ ...filters, pageSize: PAGE_SIZE }) });

/**
 * The inbox route's loader: starts the requests of the list and of the names its rows and filters show (categories,
 * teams) as the route matches, in parallel with the route's code and translations rather than after them, so the page
 * renders once with all of them instead of once per answer. It does not wait for the answers.
 */
export function prefetchInbox({ request }: LoaderFunctionArgs): null {
  void queryClient.prefetchQuery(inboxTicketsQuery(filtersFrom(new URL(request.url).searchParams)));
  void queryClient.prefetchQuery(teamsQuery);
  void i18nReady.then(() => queryClient.prefetchQuery(categoriesQuery(i18next.resolvedLanguage ?? 'en')));
  return null;
}
