import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Events,
  GetMyParticipationRequest,
  JoinWithCodeRequest,
  ListMyParticipationsRequest,
  ParticipantStatus,
  ParticipantView,
} from '@invigil/contracts';
import { joinRefusal, normalizeEnrollmentCode, sessionIsRunning, statusOnJoin } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import { IdentityStatuses } from '../identity/identity-statuses';
import { KnownSessions } from '../known-sessions/known-sessions';
import { SessionLookup } from '../known-sessions/session-lookup';
import { Participant } from '../participants/participant.entity';
import { moveTo } from '../participants/participant-status.handlers';
import { lockSessionRoster } from './roster-lock';

/** The candidate's side of a roster: joining with a code, and their own participations. */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly lookup: SessionLookup,
    private readonly knownSessions: KnownSessions,
    private readonly identity: IdentityStatuses,
  ) {}

  /**
   * A signed-in user enters the code. The session's rules decide (see joinRefusal): ended or
   * cancelled, manual-only, late entry, full. Joining twice returns the same place; an Invited
   * roster entry that joins keeps its seat and moves on to Waiting (or In Session once it runs).
   */
  async join(request: JoinWithCodeRequest): Promise<ParticipantView> {
    const code = normalizeEnrollmentCode(request.code);
    const session = await this.lookup.byCode(request.orgId, code);
    return this.outbox.transaction(async (em, emit) => {
      await lockSessionRoster(em, session.id);
      await this.knownSessions.remember(em, session);
      const existing = await em.findOne(Participant, { sessionId: session.id, userId: request.userId });
      const seatsTaken = existing ? 0 : await em.count(Participant, { sessionId: session.id });
      const refusal = joinRefusal(session, { existingStatus: existing?.status ?? null, seatsTaken, now: new Date() });
      if (refusal)
        throw refusal.reason === 'manual_only'
          ? RpcError.forbidden(refusal.message)
          : RpcError.conflict(refusal.message);
      const onJoin = statusOnJoin(sessionIsRunning(session.status));
      if (existing) {
        if (existing.status === ParticipantStatus.Invited) {
          existing.joinedAt = new Date();
          moveTo(em, existing, onJoin);
          emit(Events.participantJoined, joinedEvent(existing));
        }
        return this.identity.view(em, existing);
      }
      const user = await em.findOne(UserAccount, { id: request.userId, orgId: request.orgId });
      if (!user) throw RpcError.forbidden('Your account does not belong to this organization.');
      const participant = em.create(Participant, {
        id: randomUUID(),
        orgId: request.orgId,
        sessionId: session.id,
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        status: onJoin,
        joinedAt: new Date(),
        updatedAt: new Date(),
      });
      emit(Events.participantJoined, joinedEvent(participant));
      return this.identity.view(em, participant);
    });
  }

  async getMine(request: GetMyParticipationRequest): Promise<ParticipantView> {
    const em = this.em.fork();
    const row = await em.findOne(Participant, {
      orgId: request.orgId,
      sessionId: request.sessionId,
      userId: request.userId,
    });
    if (!row) throw RpcError.notFound('You are not enrolled in this session. Join it with its enrollment code first.');
    await this.identity.learnSessionsOf([row]);
    return this.identity.view(em, row);
  }

  async listMine(request: ListMyParticipationsRequest): Promise<ParticipantView[]> {
    const em = this.em.fork();
    const rows = await em.find(
      Participant,
      { orgId: request.orgId, userId: request.userId },
      { orderBy: { joinedAt: 'desc' } },
    );
    await this.identity.learnSessionsOf(rows);
    return this.identity.views(em, rows);
  }
}

function joinedEvent(participant: Participant) {
  return {
    orgId: participant.orgId,
    sessionId: participant.sessionId,
    participantId: participant.id,
    userId: participant.userId,
    displayName: participant.displayName,
    status: participant.status,
  };
}
