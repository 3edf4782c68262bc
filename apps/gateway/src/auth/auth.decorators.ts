import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, Role } from '@smartdesk/database';
import type { AuthenticatedRequest, Principal } from './principal';

export const API_KEY_HEADER = 'x-api-key';
export const BEARER = 'bearer';
export const API_KEY = 'api-key';

/** public: no credentials needed; optional: credentials used when sent; required: one of the roles. */
export type Access = { mode: 'public' } | { mode: 'optional' } | { mode: 'required'; roles: readonly Role[] };
export const ACCESS = 'smartdesk:access';

// A function, not a shared array: swagger's security decorators accumulate state in their closure.
const credentials = () => [ApiBearerAuth(BEARER), ApiSecurity(API_KEY), ApiUnauthorizedResponse({ description: 'Missing, invalid or expired credentials' })];

/** Needs a signed-in account (token or API key) with one of `roles` (any role when none are named). */
export const Auth = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS, { mode: 'required', roles: roles.length ? roles : ROLES } satisfies Access),
    ...credentials(),
    ApiForbiddenResponse({ description: `Allowed for: ${(roles.length ? roles : ROLES).join(', ')}` }),
  );

/** Open to anyone; credentials, when sent, must be valid and identify the caller. */
export const OptionalAuth = () => applyDecorators(SetMetadata(ACCESS, { mode: 'optional' } satisfies Access), ApiSecurity({}), ...credentials());

/** Open to anyone; no credentials are read. */
export const Public = () => applyDecorators(SetMetadata(ACCESS, { mode: 'public' } satisfies Access), ApiSecurity({}));

/** The authenticated caller (set by the AuthGuard); undefined on public or optional routes called anonymously. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal);
