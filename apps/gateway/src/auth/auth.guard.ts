import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES } from '@smartdesk/database';
import { Access, ACCESS } from './auth.decorators';
import { Authenticator } from './authenticator.service';
import type { AuthenticatedRequest } from './principal';

/** Authentication is the default: a route without an access decorator needs a signed-in account of any role. */
const DEFAULT_ACCESS: Access = { mode: 'required', roles: ROLES };

/** The app-wide guard: authenticates the caller and applies the route's @Auth / @OptionalAuth / @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]) ?? DEFAULT_ACCESS;
    if (access.mode === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticator.authenticate(request);
    if (access.mode === 'optional') return true;
    if (!request.principal) throw new UnauthorizedException('sign in first: send "Authorization: Bearer <token>" or an "x-api-key" header');
    if (!access.roles.includes(request.principal.role)) throw new ForbiddenException(`only ${access.roles.join(', ')} may do this`);
    return true;
  }
}
