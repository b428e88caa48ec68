import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AddParticipantsRequest,
  Events,
  ListParticipantsRequest,
  ParticipantStatus,
  ParticipantView,
  RemoveParticipantRequest,
  ResendInvitationRequest,
  RpcErrorCode,
  UpdateTimeLimitRequest,
} from '@invigil/contracts';
import { additionRefusal, participantIsRemovable } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { staffActorOf } from '../accounts/staff-actor';
import { UserAccount } from '../accounts/user.entity';
import { IdentityStatuses } from '../identity/identity-statuses';
import { InvitationService } from '../invitations/invitation.service';
import { Participant } from '../participants/participant.entity';
import { RosterAdditions } from './roster-additions';
import { lockSessionRoster } from './roster-lock';

/** The proctor's side of a roster: adding, removing, time limits, invitations, the list. */
@Injectable()
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly additions: RosterAdditions,
    private readonly invitations: InvitationService,
    private readonly identity: IdentityStatuses,
  ) {}

  /**
   * Manual addition: the proctor puts users of the organization on the roster (status Invited),
   * each with an optional individual time limit. Users already on the roster are left as they are.
   */
  async add(request: AddParticipantsRequest): Promise<ParticipantView[]> {
    const session = await this.additions.openSession(request.orgId, request.sessionId);
    const entries = new Map(request.entries.map((entry) => [entry.userId, entry]));
    const views = await this.additions.transaction(session, async (em, afterCommit) => {
      const users = await em.find(UserAccount, { id: { $in: [...entries.keys()] }, orgId: request.orgId });
      const missing = [...entries.keys()].filter((id) => !users.some((user) => user.id === id));
      if (missing.length > 0) throw RpcError.notFound(`No user ${missing.join(', ')} in this organization.`);
      const existing = await em.find(Participant, { sessionId: session.id, userId: { $in: [...entries.keys()] } });
      const fresh = users.filter((user) => !existing.some((row) => row.userId === user.id));
      const full = additionRefusal(session, await em.count(Participant, { sessionId: session.id }), fresh.length);
      if (full) throw RpcError.conflict(full.message);
      const added = await this.additions.add(
        em,
        afterCommit,
        session,
        request,
        fresh.map((user) => ({
          user,
          timeLimitMinutes: entries.get(user.id)?.timeLimitMinutes ?? null,
          timeLimitMultiplier: entries.get(user.id)?.timeLimitMultiplier ?? null,
        })),
      );
      return this.identity.views(
        em,
        [...existing, ...added].sort((a, b) => a.displayName.localeCompare(b.displayName)),
      );
    });
    if (!request.sendInvitation) return views;
    // The invitations went out after the commit; the views returned now show who got one.
    return this.list({ orgId: request.orgId, sessionId: session.id }).then((all) =>
      views.map((view) => all.find((row) => row.id === view.id) ?? view),
    );
  }

  /** Takes someone off the roster while they are still Invited or Waiting. */
  async remove(request: RemoveParticipantRequest): Promise<ParticipantView> {
    await this.identity.learnSessionsOf([request]);
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
        ...(await staffActorOf(em, request.orgId, request.actorId)),
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
    const session = await this.additions.openSession(request.orgId, request.sessionId);
    await this.invitations.invite(session, [participant.id]);
    const em = this.em.fork();
    const updated = await this.findParticipant(em, request.orgId, request.sessionId, request.participantId);
    if (!updated.invitationSentAt || updated.invitationSentAt.getTime() === participant.invitationSentAt?.getTime()) {
      throw new RpcError({
        code: RpcErrorCode.Unavailable,
        message: 'The invitation could not be sent; the mail server did not accept it. Try again later.',
      });
    }
    await this.identity.learnSessionsOf([updated]);
    return this.identity.view(em, updated);
  }

  /** Sets (or clears, with both null) a participant's individual time limit. */
  async updateTimeLimit(request: UpdateTimeLimitRequest): Promise<ParticipantView> {
    await this.identity.learnSessionsOf([request]);
    return this.outbox.transaction(async (em, emit) => {
      const participant = await this.findParticipant(em, request.orgId, request.sessionId, request.participantId);
      if (participant.status === ParticipantStatus.Complete) {
        throw RpcError.conflict(
          `${participant.displayName} has completed the session; the time limit can no longer change.`,
        );
      }
      const before = { minutes: participant.timeLimitMinutes, multiplier: participant.timeLimitMultiplier };
      participant.timeLimitMinutes = request.timeLimitMinutes ?? null;
      participant.timeLimitMultiplier = request.timeLimitMultiplier ?? null;
      emit(Events.participantTimeLimitChanged, {
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        userId: participant.userId,
        timeLimitMinutes: participant.timeLimitMinutes,
        timeLimitMultiplier: participant.timeLimitMultiplier,
        previousTimeLimitMinutes: before.minutes,
        previousTimeLimitMultiplier: before.multiplier,
        ...(await staffActorOf(em, request.orgId, request.actorId)),
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
    await this.identity.learnSessionsOf(rows);
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
}
