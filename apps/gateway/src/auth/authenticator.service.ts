import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { hashApiKey } from '../api-keys/api-key-secret';
import { API_KEY_HEADER } from './auth.decorators';
import type { AuthenticatedRequest, Principal } from './principal';

export interface TokenClaims {
  sub: string;
}

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  role: Principal['role'];
  team_id: string | null;
  department: string | null;
  key_id?: string;
  key_name?: string;
}

const PRINCIPAL_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.department`;

/**
 * Resolves a request's credentials to an account. The account is read on every request, so a role
 * change, a deactivation or a revoked key takes effect at once, not when a token expires.
 */
@Injectable()
export class Authenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  /** The caller, undefined when no credentials were sent; 401 when credentials were sent but are not valid. */
  async authenticate(request: AuthenticatedRequest): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!bearer) throw new UnauthorizedException('Authorization must be "Bearer <token>"');
      return this.fromToken(bearer[1]);
    }
    const key = request.headers[API_KEY_HEADER];
    if (typeof key === 'string') return this.fromApiKey(key);
    const session = sessionCookie(request.headers.cookie);
    return session ? this.fromToken(session) : undefined;
  }

  private async fromToken(token: string): Promise<Principal> {
    const claims = await this.jwt.verifyAsync<TokenClaims>(token).catch(() => undefined);
    if (!claims || !isUUID(claims.sub)) throw new UnauthorizedException('the token is invalid or has expired: sign in again');
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `SELECT ${PRINCIPAL_COLUMNS} FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = $1 AND u.active`,
      [claims.sub],
    );
    if (!row) throw new UnauthorizedException('this account is no longer active');
    return toPrincipal(row);
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `SELECT ${PRINCIPAL_COLUMNS}, k.id AS key_id, k.name AS key_name
         FROM api_keys k JOIN users u ON u.id = k.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.active`,
      [hashApiKey(key)],
    );
    if (!row) throw new UnauthorizedException('unknown or revoked API key');
    // At most one write a minute per key, however busy the integration.
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [row.key_id]);
    return { ...toPrincipal(row), apiKey: { id: row.key_id!, name: row.key_name! } };
  }
}

export const SESSION_COOKIE = 'sd_session';

/** The web app's session cookie holds the same token a bearer sends (minimal; the sessions branch replaces it). */
function sessionCookie(header: string | undefined): string | undefined {
  const match = header ? new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(header) : null;
  return match?.[1];
}

function toPrincipal(row: PrincipalRow): Principal {
  return { userId: row.id, email: row.email, name: row.name, role: row.role, teamId: row.team_id, department: row.department };
}
