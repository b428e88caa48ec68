import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role, UserView } from '@invigil/contracts';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: UserView): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, orgId: user.orgId, role: user.role, name: user.displayName };
    return this.jwt.signAsync(claims);
  }

  /** Returns the claims of a valid, unexpired token; null otherwise (the caller says why to the user). */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp: number }>(token);
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.orgId !== 'string' ||
        !Object.values(Role).includes(claims.role)
      )
        return null;
      return { sub: claims.sub, orgId: claims.orgId, role: claims.role, name: claims.name };
    } catch {
      return null;
    }
  }
}
