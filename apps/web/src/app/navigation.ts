import type { Role } from '../api/api-types';

export interface NavigationLink {
  to: string;
  /** A key in the common namespace. */
  label: string;
  roles: (Role | 'anonymous')[];
}

const STAFF: Role[] = ['agent', 'manager', 'admin'];

/** What each role finds in the navigation; the routes themselves check roles again. */
export const NAVIGATION: NavigationLink[] = [
  { to: '/portal', label: 'nav.newRequest', roles: ['anonymous', 'customer'] },
  { to: '/portal/tickets', label: 'nav.myTickets', roles: ['customer'] },
  { to: '/inbox', label: 'nav.inbox', roles: STAFF },
  { to: '/kb', label: 'nav.knowledgeBase', roles: STAFF },
  { to: '/reports', label: 'nav.reports', roles: ['manager', 'admin'] },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
];

export function linksFor(role: Role | undefined): NavigationLink[] {
  return NAVIGATION.filter((link) => link.roles.includes(role ?? 'anonymous'));
}
