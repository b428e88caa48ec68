import type { Role } from '../enums';

/** Claims inside the JWT the gateway issues. */
export interface AccessTokenClaims {
  sub: string;
  orgId: string;
  role: Role;
  name: string;
}
