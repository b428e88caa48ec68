import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@invigil/contracts';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROLES } from './current-user';
import { TokenService } from './token.service';

/** Every route needs a valid token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('Sign in first: send "Authorization: Bearer <token>" from POST /api/auth/login.');
    }
    const claims = await this.tokens.verify(token);
    if (!claims) throw new UnauthorizedException('Your session token is invalid or has expired; sign in again.');
    request.user = claims;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(claims.role)) {
      throw new ForbiddenException(
        `This action needs the role ${roles.join(' or ')}; you are signed in as ${claims.role}.`,
      );
    }
    return true;
  }
}
