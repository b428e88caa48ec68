import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Events,
  GetMyParticipationRequest,
  JoinWithCodeRequest,
  ListMyParticipationsRequest,
  ListParticipantsRequest,
  ParticipantView,
  Requests,
  RpcErrorCode,
  SessionStatus,
  SessionView,
} from '@invigil/contracts';
import { normalizeEnrollmentCode, sessionIsRunning, statusOnJoin } from '@invigil/domain';
import { Outbox, RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import { Participant } from './participant.entity';

@Injectable()
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
  ) {}

  /** Auto enrollment: a signed-in user enters the code. Joining twice returns the same place. */
  async join(request: JoinWithCodeRequest): Promise<ParticipantView> {
    const code = normalizeEnrollmentCode(request.code);
    const session = await this.resolveSession(request.orgId, code);
    if (session.status === SessionStatus.Ended || session.status === SessionStatus.Cancelled) {
      throw RpcError.conflict(`The session "${session.name}" has ${session.status === SessionStatus.Ended ? 'ended' : 'been cancelled'}; it takes no more participants.`);
    }
    return this.outbox.transaction(async (em, emit) => {
      const existing = await em.findOne(Participant, { sessionId: session.id, userId: request.userId });
      if (existing) return existing.toView();
      const user = await em.findOne(UserAccount, { id: request.userId, orgId: request.orgId });
      if (!user) throw RpcError.forbidden('Your account does not belong to this organization.');
      const participant = em.create(Participant, {
        id: randomUUID(),
        orgId: request.orgId,
        sessionId: session.id,
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        status: statusOnJoin(sessionIsRunning(session.status)),
        joinedAt: new Date(),
        updatedAt: new Date(),
      });
      emit(Events.participantJoined, {
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        userId: participant.userId,
        displayName: participant.displayName,
        status: participant.status,
      });
      return participant.toView();
    });
  }

  async list(request: ListParticipantsRequest): Promise<ParticipantView[]> {
    const rows = await this.em.fork().find(Participant, { orgId: request.orgId, sessionId: request.sessionId }, { orderBy: { displayName: 'asc' } });
    return rows.map((row) => row.toView());
  }

  async getMine(request: GetMyParticipationRequest): Promise<ParticipantView> {
    const row = await this.em.fork().findOne(Participant, { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId });
    if (!row) throw RpcError.notFound('You are not enrolled in this session. Join it with its enrollment code first.');
    return row.toView();
  }

  async listMine(request: ListMyParticipationsRequest): Promise<ParticipantView[]> {
    const rows = await this.em.fork().find(Participant, { orgId: request.orgId, userId: request.userId }, { orderBy: { joinedAt: 'desc' } });
    return rows.map((row) => row.toView());
  }

  private async resolveSession(orgId: string, code: string): Promise<SessionView> {
    try {
      return await this.rpc.request(Requests.resolveEnrollmentCode, { orgId, code });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.notFound(`No session has the enrollment code "${code}". Check the code with your proctor.`);
      }
      throw error;
    }
  }
}
