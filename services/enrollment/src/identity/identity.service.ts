import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  DecideIdentityRequest,
  Events,
  GetIdentityPhotoRequest,
  IdentityCheckView,
  IdentityPhotoFile,
  IdentityStatus,
  ListIdentityChecksRequest,
  ParticipantStatus,
  Role,
  SubmitIdentityRequest,
} from '@invigil/contracts';
import { identityDecisionRefusal, identityStatusOf, identitySubmissionRefusal } from '@invigil/domain';
import { decodeImageDataUrl, isDecodedImage, Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { UserAccount } from '../accounts/user.entity';
import { KnownSessions } from '../known-sessions/known-sessions';
import { Participant } from '../participants/participant.entity';
import { IdentityCheck } from './identity-check.entity';

/** Identity verification: the candidate's photos, the proctor's decision, who made it and when. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly knownSessions: KnownSessions,
  ) {}

  async submit(request: SubmitIdentityRequest): Promise<IdentityCheckView> {
    const scope = { orgId: request.orgId, sessionId: request.sessionId };
    const enrolled = await this.em.fork().findOne(Participant, { ...scope, userId: request.userId });
    if (!enrolled)
      throw RpcError.notFound('You are not enrolled in this session. Join it with its enrollment code first.');
    if (!(await this.verifies(scope))) {
      throw RpcError.conflict('This session does not verify identity; no photos are needed.');
    }
    const face = decodeImageDataUrl(request.facePhoto, 'facePhoto');
    const id = decodeImageDataUrl(request.idPhoto, 'idPhoto');
    if (!isDecodedImage(face) || !isDecodedImage(id)) {
      const details = [face, id].flatMap((photo) => ('problem' in photo ? [photo.problem] : []));
      throw RpcError.invalid('The identity photos are not usable images.', details);
    }
    return this.outbox.transaction(async (em, emit) => {
      // The participant row is the lock: a submission and a decision about the same person apply one after the other.
      const participant = await em.findOneOrFail(
        Participant,
        { id: enrolled.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (participant.status === ParticipantStatus.Complete) {
        throw RpcError.conflict('You have completed this session; identity photos are no longer needed.');
      }
      const existing = await em.findOne(IdentityCheck, {
        sessionId: participant.sessionId,
        userId: participant.userId,
      });
      const refusal = identitySubmissionRefusal(existing?.status ?? null);
      if (refusal) throw RpcError.conflict(refusal);
      // New photos wait for a new decision: the old one (a rejection) no longer applies.
      const submission = {
        facePhoto: face.bytes,
        faceContentType: face.contentType,
        idPhoto: id.bytes,
        idContentType: id.contentType,
        status: IdentityStatus.Submitted as const,
        submittedAt: new Date(),
        decidedAt: null,
        decidedBy: null,
        reason: null,
      };
      const check = existing
        ? Object.assign(existing, submission)
        : em.create(IdentityCheck, {
            id: randomUUID(),
            ...scope,
            userId: participant.userId,
            participantId: participant.id,
            ...submission,
          });
      emit(Events.identitySubmitted, { ...scope, userId: participant.userId, participantId: participant.id });
      return checkView(participant, check, true);
    });
  }

  async decide(request: DecideIdentityRequest): Promise<IdentityCheckView> {
    const reason = request.reason?.trim() || null;
    if (!request.approved && !reason) {
      throw RpcError.invalid('A reason is required when rejecting.', [
        'reason: say why the photos were rejected; the candidate reads it',
      ]);
    }
    const actor = await this.em
      .fork()
      .findOne(UserAccount, { id: request.actorId, orgId: request.orgId, role: { $in: [Role.Admin, Role.Proctor] } });
    if (!actor) throw RpcError.forbidden('Only a proctor or an admin of this organization can decide identity checks.');
    return this.outbox.transaction(async (em, emit) => {
      const participant = await em.findOne(
        Participant,
        { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!participant)
        throw RpcError.notFound(`No participant with user id ${request.userId} on this session's roster.`);
      const check = await em.findOne(IdentityCheck, { sessionId: participant.sessionId, userId: participant.userId });
      const refusal = identityDecisionRefusal(check?.status ?? null, participant.displayName);
      if (refusal || !check) throw RpcError.conflict(refusal ?? 'Nothing to decide.');
      Object.assign(check, {
        status: request.approved ? IdentityStatus.Approved : IdentityStatus.Rejected,
        decidedAt: new Date(),
        decidedBy: request.actorId,
        actorRole: actor.role === Role.Admin ? Role.Admin : Role.Proctor,
        reason,
      });
      emit(Events.identityDecided, {
        orgId: participant.orgId,
        sessionId: participant.sessionId,
        userId: participant.userId,
        participantId: participant.id,
        approved: request.approved,
        decidedBy: request.actorId,
        actorRole: actor.role === Role.Admin ? Role.Admin : Role.Proctor,
        reason,
      });
      return checkView(participant, check, true);
    });
  }

  /** Every participant of the session (or the one user asked for) with their check, `missing` when no photos came. */
  async list(request: ListIdentityChecksRequest): Promise<IdentityCheckView[]> {
    const em = this.em.fork();
    const scope = { orgId: request.orgId, sessionId: request.sessionId };
    const participants = await em.find(
      Participant,
      { ...scope, ...(request.userId ? { userId: request.userId } : {}) },
      { orderBy: { displayName: 'asc' } },
    );
    if (participants.length === 0) return [];
    const verifies = await this.verifies(scope);
    const checks = await em.find(IdentityCheck, { participantId: { $in: participants.map((row) => row.id) } });
    const byParticipant = new Map(checks.map((check) => [check.participantId, check]));
    return participants.map((row) => checkView(row, byParticipant.get(row.id) ?? null, verifies));
  }

  async photo(request: GetIdentityPhotoRequest): Promise<IdentityPhotoFile> {
    const field = request.photo === 'face' ? 'facePhoto' : 'idPhoto';
    const check = await this.em
      .fork()
      .findOne(
        IdentityCheck,
        { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
        { populate: [field] },
      );
    if (!check) throw RpcError.notFound('This participant has not sent identity photos.');
    return {
      contentType: request.photo === 'face' ? check.faceContentType : check.idContentType,
      base64: check[field].toString('base64'),
    };
  }

  /** Asked before any transaction opens: a session never recorded is looked up remotely first. */
  private async verifies(scope: { orgId: string; sessionId: string }): Promise<boolean> {
    await this.knownSessions.learnMissing([scope]);
    return (await this.knownSessions.identityRequired(this.em.fork(), [scope])).get(scope.sessionId) ?? false;
  }
}

function checkView(participant: Participant, check: IdentityCheck | null, sessionVerifies: boolean): IdentityCheckView {
  return {
    sessionId: participant.sessionId,
    userId: participant.userId,
    participantId: participant.id,
    displayName: participant.displayName,
    status: identityStatusOf(sessionVerifies, check?.status ?? null),
    submittedAt: check?.submittedAt.toISOString() ?? null,
    decidedAt: check?.decidedAt?.toISOString() ?? null,
    decidedBy: check?.decidedBy ?? null,
    reason: check?.reason ?? null,
  };
}
