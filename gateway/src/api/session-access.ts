import { Injectable } from '@nestjs/common';
import { AccessTokenClaims, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';

/**
 * Who may see a session: staff of its organization (the org-scoped lookup fails for any other
 * organization), and candidates on its roster.
 */
@Injectable()
export class SessionAccess {
  constructor(private readonly rpc: RpcClient) {}

  async assertCanWatch(user: AccessTokenClaims, sessionId: string): Promise<void> {
    if (user.role === Role.Candidate) {
      await this.rpc.request(Requests.getMyParticipation, { orgId: user.orgId, userId: user.sub, sessionId });
      return;
    }
    await this.rpc.request(Requests.getSession, { orgId: user.orgId, sessionId });
  }

  async canWatch(user: AccessTokenClaims, sessionId: string): Promise<boolean> {
    try {
      await this.assertCanWatch(user, sessionId);
      return true;
    } catch {
      return false;
    }
  }
}
