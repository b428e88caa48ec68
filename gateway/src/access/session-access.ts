import { ForbiddenException, Injectable } from '@nestjs/common';
import { AccessTokenClaims, Requests, Role, RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError, RpcClient } from '@invigil/server-platform';

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

  /**
   * A candidate reporting from a session's exam page must be on its roster: 403 for a session of
   * their organization they have not joined, 404 for one of another organization (its existence
   * is not theirs to learn).
   */
  async assertOnRoster(user: AccessTokenClaims, sessionId: string): Promise<void> {
    try {
      await this.rpc.request(Requests.getMyParticipation, { orgId: user.orgId, userId: user.sub, sessionId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        await this.rpc.request(Requests.getSession, { orgId: user.orgId, sessionId });
        throw new ForbiddenException("You are not on this session's roster; join it with its enrollment code first.");
      }
      throw error;
    }
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
