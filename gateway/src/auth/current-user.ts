import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator, SetMetadata } from '@nestjs/common';
import { PUBLIC_ROUTE, Public } from '@invigil/server-platform';
import type { AccessTokenClaims } from '@invigil/contracts';
import { Role } from '@invigil/contracts';
import type { Request } from 'express';

export const ROLES = 'invigil:roles';

export { Public, PUBLIC_ROUTE };

/** Roles allowed on a route; routes without it accept any signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const STAFF: Role[] = [Role.Admin, Role.Proctor];

export interface AuthenticatedRequest extends Request {
  user: AccessTokenClaims;
}

/** The verified token claims of the caller. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AccessTokenClaims => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
