import { Injectable } from '@nestjs/common';
import { AttemptRequest, IdentityStatus, ParticipantView, Requests, RpcErrorCode } from '@invigil/contracts';
import { identityAllowsStart } from '@invigil/domain';
import { RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';

/** The roster belongs to the enrollment service; this asks it whether a user may sit a session. */
@Injectable()
export class EnrollmentRoster {
  constructor(private readonly rpc: RpcClient) {}

  /** The user's participation, or Forbidden when they are not on the session's roster. */
  async participantOf(request: AttemptRequest): Promise<ParticipantView> {
    try {
      return await this.rpc.request(Requests.getMyParticipation, {
        orgId: request.orgId,
        userId: request.userId,
        sessionId: request.sessionId,
      });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.forbidden(
          'You are not enrolled in this session. Join it with its enrollment code first, or ask your proctor to add you.',
        );
      }
      throw error;
    }
  }
}

/** Only an approved identity check (when the session verifies identity) opens the exam. */
export function assertIdentityCleared(identityVerification: boolean, participant: ParticipantView): void {
  if (!identityVerification || identityAllowsStart(participant.identityStatus ?? IdentityStatus.Missing)) return;
  const why =
    participant.identityStatus === IdentityStatus.Submitted
      ? 'your photos are waiting for your proctor to check them'
      : participant.identityStatus === IdentityStatus.Rejected
        ? 'your proctor rejected your identity photos; take new ones'
        : 'send a photo of your face and of your ID first';
  throw RpcError.forbidden(`This session verifies identity before the exam starts: ${why}.`);
}
