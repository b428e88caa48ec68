import { Injectable } from '@nestjs/common';
import { AttemptRequest, Requests, RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';

/** The roster belongs to the enrollment service; this asks it whether a user may sit a session. */
@Injectable()
export class EnrollmentRoster {
  constructor(private readonly rpc: RpcClient) {}

  /** The user's participant id, or Forbidden when they are not on the session's roster. */
  async participantIdOf(request: AttemptRequest): Promise<string> {
    try {
      const participant = await this.rpc.request(Requests.getMyParticipation, { orgId: request.orgId, userId: request.userId, sessionId: request.sessionId });
      return participant.id;
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.forbidden('You are not enrolled in this session. Join it with its enrollment code first, or ask your proctor to add you.');
      }
      throw error;
    }
  }
}
