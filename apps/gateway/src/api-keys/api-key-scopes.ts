/** What an API key may be limited to: an area of the API, read (GET) or write (anything else). */
export const API_KEY_SCOPES = ['tickets:read', 'tickets:write', 'kb:read', 'kb:write', 'stats:read', 'models:read', 'models:write', 'admin:read', 'admin:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * The area of each route path's first segment after `api/`. Tickets include their conversation, canned
 * responses, the category names, attachments, the assistant and the live events; models are the categorization and sentiment training APIs; admin is accounts,
 * teams, keys, routing and the audit log. `auth` needs no scope (who am I, sign out).
 */
const AREAS: Record<string, string | null> = {
  tickets: 'tickets',
  macros: 'tickets',
  events: 'tickets',
  attachments: 'tickets',
  assistant: 'tickets',
  kb: 'kb',
  'self-service': 'kb',
  stats: 'stats',
  categories: 'tickets',
  categorization: 'models',
  sentiment: 'models',
  users: 'admin',
  teams: 'admin',
  'api-keys': 'admin',
  routing: 'admin',
  audit: 'admin',
  auth: null,
};

/**
 * The scope a request needs, from its route's path and its method; null when none is needed.
 * A path of no known area needs a scope no key can hold, so a new controller is closed to scoped keys until listed.
 */
export function scopeFor(routePath: string, method: string): string | null {
  const segment = /^\/?api\/([^/]+)/.exec(routePath)?.[1] ?? routePath;
  const area = AREAS[segment];
  if (area === null) return null;
  const access = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  return `${area ?? `unlisted(${segment})`}:${access}`;
}
