import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AddParticipantsRequest,
  Events,
  GetMyParticipationRequest,
  JoinWithCodeRequest,
  ListMyParticipationsRequest,
  ListParticipantsRequest,
  ParticipantStatus,
  ParticipantView,
  RemoveParticipantRequest,
  Requests,
  ResendInvitationRequest,
  RpcErrorCode,
  SessionView,
  UpdateTimeLimitRequest,
} from '@invigil/contracts';
import {
  additionRefusal,
  finishedSessionMessage,
  joinRefusal,
  normalizeEnrollmentCode,
  participantIsRemovable,
  sessionIsRunning,
  statusOnJoin,
} from '@invigil/domain';
import { Outbox, RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import { IdentityStatuses } from '../identity/identity-statuses';
import { SessionRules } from '../identity/session-rules';
import { InvitationService } from '../invitations/invitation.service';
import { Participant } from './participant.entity';
import { moveTo } from './roster-status.handlers';

/**
 * Serialises every roster change of one session: a transaction-scoped PostgreSQL advisory lock on
 * the session id, released at commit or rollback. Seat counting happens under it, so concurrent
 * joins cannot overfill a session.
 */
export async function lockSessionRoster(em: EntityManager, sessionId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`roster:${sessionId}`]);
}

@Injectable()
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly invitations: InvitationService,
    private readonly sessionRules: SessionRules,
    private readonly identity: IdentityStatuses,
  ) {}

  /**
   * A signed-in user enters the code. The session's rules decide (see joinRefusal): ended or
   * cancelled, manual-only, late entry, full. Joining twice returns the same place; an Invited
   * roster entry that joins keeps its seat and moves on to Waiting (or In Session once it runs).
   */
  async join(request: JoinWithCodeRequest): Promise<ParticipantView> {
    const code = normalizeEnrollmentCode(request.code);
    const session = await this.resolveSession(request.orgId, code);
    return this.outbox.transaction(async (em, emit) => {
      await lockSessionRoster(em, session.id);
      await this.sessionRules.remember(em, session);
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

  /**
   * Manual addition: the proctor puts users of the organization on the roster (status Invited),
   * each with an optional individual time limit. Users already on the roster are left as they are.
   */
  async add(request: AddParticipantsRequest): Promise<ParticipantView[]> {
    const session = await this.getSession(request.orgId, request.sessionId);
    assertRosterOpen(session);
    const entries = new Map(request.entries.map((entry) => [entry.userId, entry]));
    const { views, addedIds } = await this.outbox.transaction(async (em, emit) => {
      await lockSessionRoster(em, session.id);
      await this.sessionRules.remember(em, session);
      const users = await em.find(UserAccount, { id: { $in: [...entries.keys()] }, orgId: request.orgId });
      const missing = [...entries.keys()].filter((id) => !users.some((user) => user.id === id));
      if (missing.length > 0) throw RpcError.notFound(`No user ${missing.join(', ')} in this organization.`);
      const existing = await em.find(Participant, { sessionId: session.id, userId: { $in: [...entries.keys()] } });
      const fresh = users.filter((user) => !existing.some((row) => row.userId === user.id));
      const full = additionRefusal(session, await em.count(Participant, { sessionId: session.id }), fresh.length);
      if (full) throw RpcError.conflict(full.message);
      const now = new Date();
      const added = fresh.map((user) => {
        const entry = entries.get(user.id)!;
        const participant = em.create(Participant, {
          id: randomUUID(),
          orgId: request.orgId,
          sessionId: session.id,
          userId: user.id,
          displayName: user.displayName,
          email: user.email,
          status: ParticipantStatus.Invited,
          timeLimitMinutes: entry.timeLimitMinutes ?? null,
          timeLimitMultiplier: entry.timeLimitMultiplier ?? null,
          invitedAt: now,
          addedBy: request.actorId,
          updatedAt: now,
        });
        emit(Events.participantAdded, {
          orgId: request.orgId,
          sessionId: session.id,
          participantId: participant.id,
          userId: user.id,
          displayName: user.displayName,
          status: participant.status,
          timeLimitMinutes: participant.timeLimitMinutes,
          timeLimitMultiplier: participant.timeLimitMultiplier,
          invitationRequested: request.sendInvitation,
        });
        return participant;
      });
      return {
        views: await this.identity.views(
          em,
          [...existing, ...added].sort((a, b) => a.displayName.localeCompare(b.displayName)),
        ),
        addedIds: added.map((row) => row.id),
      };
    });
    if (!request.sendInvitation || addedIds.length === 0) return views;
    // Mail only after the roster committed; the views returned then show who got one.
    await this.invitations.invite(session, addedIds);
    return this.list({ orgId: request.orgId, sessionId: session.id }).then((all) =>
      views.map((view) => all.find((row) => row.id === view.id) ?? view),
    );
  }

  /** Takes someone off the roster while they are still Invited or Waiting. */
  async remove(request: RemoveParticipantRequest): Promise<ParticipantView> {
    return this.outbox.transaction(async (em, emit) => {
      await lockSessionRoster(em, request.sessionId);
      const participant = await this.findParticipant(em, request.orgId, request.sessionId, request.participantId);
      if (!participantIsRemovable(participant.status)) {
        throw RpcError.conflict(
          `${participant.displayName} is ${participant.status.replace('_', ' ')}; only Invited or Waiting participants can be removed.`,
        );
      }
      const view = await this.identity.view(em, participant);
      em.remove(participant);
      emit(Events.participantRemoved, {
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        userId: participant.userId,
      });
      return view;
    });
  }

  /** A fresh invitation mail for someone still Invited (e.g. the first link expired). */
  async resendInvitation(request: ResendInvitationRequest): Promise<ParticipantView> {
    const participant = await this.findParticipant(
      this.em.fork(),
      request.orgId,
      request.sessionId,
      request.participantId,
    );
    if (participant.status !== ParticipantStatus.Invited) {
      throw RpcError.conflict(
        `${participant.displayName} has already joined; an invitation is only sent to someone still Invited.`,
      );
    }
    const session = await this.getSession(request.orgId, request.sessionId);
    assertRosterOpen(session);
    await this.invitations.invite(session, [participant.id]);
    const em = this.em.fork();
    const updated = await this.findParticipant(em, request.orgId, request.sessionId, request.participantId);
    if (!updated.invitationSentAt || updated.invitationSentAt.getTime() === participant.invitationSentAt?.getTime()) {
      throw new RpcError({
        code: RpcErrorCode.Unavailable,
        message: 'The invitation could not be sent; the mail server did not accept it. Try again later.',
      });
    }
    return this.identity.view(em, updated);
  }

  /** Sets (or clears, with both null) a participant's individual time limit. */
  async updateTimeLimit(request: UpdateTimeLimitRequest): Promise<ParticipantView> {
    return this.outbox.transaction(async (em, emit) => {
      const participant = await this.findParticipant(em, request.orgId, request.sessionId, request.participantId);
      if (participant.status === ParticipantStatus.Complete) {
        throw RpcError.conflict(
          `${participant.displayName} has completed the session; the time limit can no longer change.`,
        );
      }
      participant.timeLimitMinutes = request.timeLimitMinutes ?? null;
      participant.timeLimitMultiplier = request.timeLimitMultiplier ?? null;
      emit(Events.participantTimeLimitChanged, {
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        userId: participant.userId,
        timeLimitMinutes: participant.timeLimitMinutes,
        timeLimitMultiplier: participant.timeLimitMultiplier,
      });
      return this.identity.view(em, participant);
    });
  }

  async list(request: ListParticipantsRequest): Promise<ParticipantView[]> {
    const em = this.em.fork();
    const rows = await em.find(
      Participant,
      { orgId: request.orgId, sessionId: request.sessionId },
      { orderBy: { displayName: 'asc' } },
    );
    return this.identity.views(em, rows);
  }

  async getMine(request: GetMyParticipationRequest): Promise<ParticipantView> {
    const em = this.em.fork();
    const row = await em.findOne(Participant, {
      orgId: request.orgId,
      sessionId: request.sessionId,
      userId: request.userId,
    });
    if (!row) throw RpcError.notFound('You are not enrolled in this session. Join it with its enrollment code first.');
    return this.identity.view(em, row);
  }

  async listMine(request: ListMyParticipationsRequest): Promise<ParticipantView[]> {
    const em = this.em.fork();
    const rows = await em.find(
      Participant,
      { orgId: request.orgId, userId: request.userId },
      { orderBy: { joinedAt: 'desc' } },
    );
    return this.identity.views(em, rows);
  }

  private async findParticipant(
    em: EntityManager,
    orgId: string,
    sessionId: string,
    participantId: string,
  ): Promise<Participant> {
    const participant = await em.findOne(Participant, { id: participantId, orgId, sessionId });
    if (!participant) throw RpcError.notFound(`No participant ${participantId} on this session's roster.`);
    return participant;
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

  async getSession(orgId: string, sessionId: string): Promise<SessionView> {
    try {
      return await this.rpc.request(Requests.getSession, { orgId, sessionId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.notFound(`No session ${sessionId} in this organization.`);
      }
      throw error;
    }
  }
}

function assertRosterOpen(session: SessionView): void {
  const finished = finishedSessionMessage(session);
  if (finished) throw RpcError.conflict(`${finished}; its roster can no longer change.`);
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
