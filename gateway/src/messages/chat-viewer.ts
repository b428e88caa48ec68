import type { AccessTokenClaims, ViewerScopedRequest } from '@invigil/contracts';
import { Role } from '@invigil/contracts';

/** Who reads or writes, from the caller's token only: the body never says which side someone is on. */
export function chatViewer(user: AccessTokenClaims, sessionId: string): ViewerScopedRequest {
  return {
    orgId: user.orgId,
    sessionId,
    viewerId: user.sub,
    viewerSide: user.role === Role.Candidate ? 'candidate' : 'staff',
  };
}
