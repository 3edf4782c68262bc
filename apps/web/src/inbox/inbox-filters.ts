import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Account } from '../api/api-types';

/** The inbox's filters, kept in the address so a view can be bookmarked, shared and navigated back to. */
export const FILTER_NAMES = ['status', 'category', 'priority', 'sentiment', 'escalated', 'language', 'teamId', 'assigneeId', 'slaAtRisk', 'q', 'sort', 'order', 'after'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

export const SAVED_VIEWS = ['mine', 'team', 'escalated', 'breaching'] as const;
export type SavedView = (typeof SAVED_VIEWS)[number];

/** The saved views: what each one sets (everything else cleared). */
export function savedViewFilters(view: SavedView, account: Account): Filters {
  switch (view) {
    case 'mine':
      return { assigneeId: account.userId, sort: 'priority' };
    case 'team':
      return account.teamId ? { teamId: account.teamId } : {};
    case 'escalated':
      return { escalated: 'true', sort: 'priority' };
    case 'breaching':
      return { slaAtRisk: 'true', sort: 'priority' };
  }
}

/** The filters an address carries (its query string). */
export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_NAMES.filter((name) => params.has(name)).map((name) => [name, params.get(name)!]));
}

/** The same objects and functions while the address is the same: the memoised filter bar then skips the list's renders. */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  // React Router keeps params and setParams while the address's query string stays the same.
  return useMemo(() => {
    const filters = filtersFrom(params);
    const replace = (next: Filters) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>);
    /** A new filter value starts again at the first page. */
    const set = (name: FilterName, value: string | null | undefined) => replace({ ...filters, after: name === 'after' ? (value ?? undefined) : undefined, [name]: value ?? undefined });
    return { filters, set, replace };
  }, [params, setParams]);
}
