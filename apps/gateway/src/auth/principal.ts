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
  apiKey?: { id: string; name: string };
}

export type AuthenticatedRequest = Request & { principal?: Principal };

/** How a principal (or an anonymous caller) appears in the audit log. */
export function auditActor(principal: Principal | undefined): AuditActor {
  if (!principal) return { id: null, label: 'anonymous' };
  return { id: principal.userId, label: principal.apiKey ? `api-key:${principal.apiKey.name} (${principal.email})` : principal.email };
}
