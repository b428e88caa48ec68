import { Injectable } from '@nestjs/common';
import { Requests, RpcErrorCode, UserView } from '@invigil/contracts';
import { RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';

/** Who writes and who may be written to: accounts and rosters belong to the enrollment service. */
@Injectable()
export class SessionPeople {
  constructor(private readonly rpc: RpcClient) {}

  /** The writer's account, for the name the log shows; an id from another organization is refused. */
  async writer(orgId: string, userId: string): Promise<UserView> {
    try {
      return await this.rpc.request(Requests.getUser, { orgId, userId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.forbidden(
          'Your account does not belong to this organization, so you cannot message this session.',
        );
      }
      throw error;
    }
  }

  /** The user ids on the session's roster (an unknown or foreign session has none). */
  async candidates(orgId: string, sessionId: string): Promise<Set<string>> {
    const participants = await this.rpc.request(Requests.listParticipants, { orgId, sessionId });
    return new Set(participants.map((participant) => participant.userId));
  }

  /** Refuses, naming them, any user id that is not a candidate of the session; nothing is sent then. */
  async assertCandidates(orgId: string, sessionId: string, userIds: readonly string[], field: string): Promise<void> {
    const roster = await this.candidates(orgId, sessionId);
    const outside = [...new Set(userIds)].filter((userId) => !roster.has(userId));
    if (outside.length === 0) return;
    throw RpcError.invalid(
      `${outside.length === 1 ? 'One recipient is' : `${outside.length} recipients are`} not candidates of this session: ${outside.join(', ')}. Choose people on the session's roster.`,
      outside.map((userId) => `${field}: ${userId} is not on this session's roster`),
    );
  }
}
