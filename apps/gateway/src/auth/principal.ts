import type { Request } from 'express';
import type { AuditActor, Role } from '@smartdesk/database';

/** Who is calling: an account, signed in with a token or through one of its API keys. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** The department of the account's team: what a manager oversees. */
  department: string | null;
  /** Set when the caller used an API key: what the key may do and how often. */
  apiKey?: { id: string; name: string; scopes: string[] | null; requestsPerMinute: number | null };
  /** Set when the caller used a sign-in token: how it came (the cookie needs CSRF checks) and which one it is. */
  session?: { via: 'bearer' | 'cookie'; jti: string; expiresAt: Date };
}

export type AuthenticatedRequest = Request & { principal?: Principal };

/** How a principal (or an anonymous caller) appears in the audit log. */
export function auditActor(principal: Principal | undefined): AuditActor {
  if (!principal) return { id: null, label: 'anonymous' };
  return { id: principal.userId, label: principal.apiKey ? `api-key:${principal.apiKey.name} (${principal.email})` : principal.email };
}
