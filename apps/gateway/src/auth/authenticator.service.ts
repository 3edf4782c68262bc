import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { hashApiKey } from './api-key-secret';
import { API_KEY_HEADER } from './auth.decorators';
import type { AuthenticatedRequest, Principal } from './principal';
import { clearSessionCookie, sessionCookieOf } from './session-cookie';

/** A sign-in token's claims: the account, its session version when signed, the token's own id and its expiry. */
export interface TokenClaims {
  sub: string;
  ver: number;
  jti: string;
  exp?: number;
}

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  role: Principal['role'];
  team_id: string | null;
  department: string | null;
}

interface ApiKeyRow extends PrincipalRow {
  key_id: string;
  key_name: string;
  scopes: string[] | null;
  requests_per_minute: number | null;
  expires_at: Date | null;
  expired: boolean;
}

const PRINCIPAL_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.department`;

/**
 * Resolves a request's credentials to an account. The account is read on every request, so a deactivation,
 * a role or password change (each bumps the account's session_version), a sign-out or a revoked key takes
 * effect at once, not when a token expires.
 */
@Injectable()
export class Authenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  /**
   * The caller, undefined when no credentials were sent; 401 when credentials were sent but are not valid.
   * Explicit credentials (Bearer, then x-api-key) win over the browser's session cookie. A cookie whose session
   * has ended is not an error: the browser sends it by itself, so the caller is anonymous and, when `response`
   * is given, the cookie is cleared (the page cannot clear an httpOnly cookie, and would stay stuck with it).
   */
  async authenticate(request: AuthenticatedRequest, response?: Response): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!bearer) throw new UnauthorizedException('Authorization must be "Bearer <token>"');
      return this.fromToken(bearer[1], 'bearer');
    }
    const key = request.headers[API_KEY_HEADER];
    if (typeof key === 'string') return this.fromApiKey(key);
    const cookie = sessionCookieOf(request);
    if (cookie === undefined) return undefined;
    try {
      return await this.fromToken(cookie, 'cookie');
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      if (response) clearSessionCookie(request, response, this.env);
      return undefined;
    }
  }

  /** Whether the credentials behind an open stream still identify the same account with the same access. */
  async stillValid(request: AuthenticatedRequest, principal: Principal): Promise<boolean> {
    const current = await this.authenticate(request).catch((error: unknown) => {
      if (error instanceof UnauthorizedException) return undefined;
      throw error;
    });
    return current !== undefined && current.role === principal.role && current.teamId === principal.teamId && current.department === principal.department;
  }

  private async fromToken(token: string, via: 'bearer' | 'cookie'): Promise<Principal> {
    const claims = await this.jwt.verifyAsync<TokenClaims>(token).catch(() => undefined);
    // jsonwebtoken accepts a token without `exp` as never expiring: such a token is not one we issue.
    const wellFormed = claims && isUUID(claims.sub) && isUUID(claims.jti) && Number.isInteger(claims.ver) && typeof claims.exp === 'number';
    if (!wellFormed) throw new UnauthorizedException('the token is invalid or has expired: sign in again');
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `SELECT ${PRINCIPAL_COLUMNS} FROM users u LEFT JOIN teams t ON t.id = u.team_id
        WHERE u.id = $1 AND u.active AND u.session_version = $2 AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $3)`,
      [claims.sub, claims.ver, claims.jti],
    );
    if (!row) throw new UnauthorizedException('this session has ended (signed out, password or role changed, or account deactivated): sign in again');
    return { ...toPrincipal(row), session: { via, jti: claims.jti, expiresAt: new Date(claims.exp! * 1000) } };
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const [row] = await this.dataSource.query<ApiKeyRow[]>(
      `SELECT ${PRINCIPAL_COLUMNS}, k.id AS key_id, k.name AS key_name, k.scopes, k.requests_per_minute, k.expires_at,
              coalesce(k.expires_at <= now(), false) AS expired
         FROM api_keys k JOIN users u ON u.id = k.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.active`,
      [hashApiKey(key)],
    );
    if (!row) throw new UnauthorizedException('unknown or revoked API key');
    if (row.expired) throw new UnauthorizedException(`this API key expired at ${row.expires_at!.toISOString()}`);
    // At most one write a minute per key, however busy the integration.
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [row.key_id]);
    return { ...toPrincipal(row), apiKey: { id: row.key_id, name: row.key_name, scopes: row.scopes, requestsPerMinute: row.requests_per_minute } };
  }
}

function toPrincipal(row: PrincipalRow): Principal {
  return { userId: row.id, email: row.email, name: row.name, role: row.role, teamId: row.team_id, department: row.department };
}
