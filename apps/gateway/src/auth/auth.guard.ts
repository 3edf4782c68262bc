import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ROLES } from '@smartdesk/database';
import { scopeFor } from '../api-keys/api-key-scopes';
import { ApiKeyQuota } from '../rate-limits/api-key-quota.service';
import { Access, ACCESS } from './auth.decorators';
import { Authenticator } from './authenticator.service';
import { csrfProblem } from './csrf';
import type { AuthenticatedRequest, Principal } from './principal';

/** Authentication is the default: a route without an access decorator needs a signed-in account of any role. */
const DEFAULT_ACCESS: Access = { mode: 'required', roles: ROLES };

/**
 * The app-wide guard: authenticates the caller and applies the route's @Auth / @OptionalAuth / @Public; refuses
 * cookie-authenticated writes without the web app's CSRF header, and applies an API key's quota and scopes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly quota: ApiKeyQuota,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]) ?? DEFAULT_ACCESS;
    if (access.mode === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(request, context.switchToHttp().getResponse<Response>());
    if (principal) await this.admit(context, request, principal);
    request.principal = principal;
    if (access.mode === 'optional') return true;
    if (!principal) throw new UnauthorizedException('sign in first: send "Authorization: Bearer <token>", an "x-api-key" header, or the sd_session cookie');
    if (!access.roles.includes(principal.role)) throw new ForbiddenException(`only ${access.roles.join(', ')} may do this`);
    return true;
  }

  /** What the way the caller authenticated demands beyond valid credentials. */
  private async admit(context: ExecutionContext, request: AuthenticatedRequest, principal: Principal): Promise<void> {
    if (principal.session?.via === 'cookie') {
      const problem = csrfProblem(request);
      if (problem) throw new ForbiddenException(`possible cross-site request refused: ${problem}`);
    }
    if (principal.apiKey) {
      await this.quota.consume(principal.apiKey, context.switchToHttp().getResponse<Response>());
      // The route's whole path: a controller at plain `api` (attachments, self-service) names its area in the route.
      const routePath = [context.getClass(), context.getHandler()]
        .map((target) => String(Reflect.getMetadata(PATH_METADATA, target) ?? '').replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      const scope = scopeFor(routePath, request.method);
      if (scope && principal.apiKey.scopes && !principal.apiKey.scopes.includes(scope)) {
        throw new ForbiddenException(`API key "${principal.apiKey.name}" lacks the scope ${scope} (it has: ${principal.apiKey.scopes.join(', ') || 'none'})`);
      }
    }
  }
}
