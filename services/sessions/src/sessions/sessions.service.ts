import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Events,
  GetSessionRequest,
  ListSessionsRequest,
  ResolveEnrollmentCodeRequest,
  SessionView,
  UpdateSessionRequest,
} from '@invigil/contracts';
import {
  assertSessionTransition,
  FINISHED_SESSION_STATUSES,
  normalizeEnrollmentCode,
  sessionIsEditable,
  statusAfterSettingsEdit,
} from '@invigil/domain';
import { EmitEvent, Outbox, RpcClient, RpcError } from '@invigil/server-platform';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';
import { codeInUseError, enrollmentCodeInUse, isEnrollmentCodeTaken } from './enrollment-codes';
import { ProctoredSession } from './proctored-session.entity';
import { findSessionOrFail } from './find-session';
import { ScheduleChange, ScheduledStartQueue } from './scheduled-start-queue';
import { applySettings, assertIsProctor, resolveSettings } from './session-settings';
import { joiningSettingsOf, toSessionViewOne, toSessionViews } from './session-view';

@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly scheduledStarts: ScheduledStartQueue,
  ) {}

  async list(request: ListSessionsRequest): Promise<SessionView[]> {
    const em = this.em.fork();
    const sessions = await em.find(
      ProctoredSession,
      { orgId: request.orgId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return toSessionViews(em, sessions);
  }

  async get(request: GetSessionRequest): Promise<SessionView> {
    const em = this.em.fork();
    return toSessionViewOne(em, await findSessionOrFail(em, request.orgId, request.sessionId));
  }

  /** The session a candidate's code points at: only running ones hold a code. */
  async resolveCode(request: ResolveEnrollmentCodeRequest): Promise<SessionView> {
    const em = this.em.fork();
    const code = normalizeEnrollmentCode(request.code);
    // A live session owns its code; failing that, the latest finished one, so a candidate holding the
    // code of an ended or cancelled session is told that rather than "unknown code".
    const session =
      (await em.findOne(ProctoredSession, {
        orgId: request.orgId,
        enrollmentCode: code,
        status: { $nin: [...FINISHED_SESSION_STATUSES] },
      })) ??
      (await em.findOne(
        ProctoredSession,
        { orgId: request.orgId, enrollmentCode: code },
        { orderBy: { createdAt: 'desc' } },
      ));
    if (!session)
      throw RpcError.notFound(`No session has the enrollment code "${code}". Check the code with your proctor.`);
    return toSessionViewOne(em, session);
  }

  /**
   * Edit or reschedule before the start (draft, scheduled, open). The roster lives in enrollment and
   * attempts are keyed by session, so both are kept. A moved start time bumps the schedule version:
   * the old delayed job is removed and a new one added after the commit.
   */
  async update(request: UpdateSessionRequest): Promise<SessionView> {
    const settings = resolveSettings(request.settings, request.actorId, new Date());
    await assertIsProctor(this.rpc, request.orgId, settings.proctorId);
    let view: SessionView;
    try {
      view = await this.outbox.transaction(async (em, emit, afterCommit) => {
        const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
        if (!sessionIsEditable(session.status)) {
          throw RpcError.conflict(
            `The session is "${session.status}": its settings can only be changed before it starts (draft, scheduled or open).`,
          );
        }
        await repinAssessment(em, session, settings.assessmentId);
        if (settings.typedCode && settings.typedCode !== session.enrollmentCode) {
          if (await enrollmentCodeInUse(em, request.orgId, settings.typedCode))
            throw codeInUseError(settings.typedCode);
          session.enrollmentCode = settings.typedCode;
        }
        const before = {
          status: session.status,
          scheduledAt: session.scheduledAt,
          scheduleVersion: session.scheduleVersion,
        };
        applySettings(session, settings);
        const target = statusAfterSettingsEdit(before.status, session.startMode);
        const moved = (before.scheduledAt?.getTime() ?? null) !== (session.scheduledAt?.getTime() ?? null);
        if (target !== before.status || moved) assertSessionTransition(before.status, target);
        session.status = target;
        if (moved) {
          const change = reschedule(session, before, emit);
          afterCommit(() => this.scheduledStarts.apply(change));
        }
        emit(Events.sessionUpdated, {
          orgId: session.orgId,
          sessionId: session.id,
          name: session.name,
          status: session.status,
          settings: joiningSettingsOf(session),
        });
        return toSessionViewOne(em, session);
      });
    } catch (error) {
      if (isEnrollmentCodeTaken(error) && settings.typedCode) throw codeInUseError(settings.typedCode);
      throw error;
    }
    return view;
  }
}

/** A session moved to another assessment pins that assessment's current version. */
async function repinAssessment(em: EntityManager, session: ProctoredSession, assessmentId: string): Promise<void> {
  if (assessmentId === session.assessmentId) return;
  const assessment = await em.findOne(Assessment, { id: assessmentId, orgId: session.orgId });
  if (!assessment)
    throw RpcError.invalid(`settings.assessmentId: no assessment ${assessmentId} in your organization`, [
      `settings.assessmentId: no assessment ${assessmentId} in your organization`,
    ]);
  const version = await em.findOneOrFail(AssessmentVersion, { id: assessment.currentVersionId }, { fields: ['id'] });
  session.assessmentId = assessment.id;
  session.assessmentVersionId = version.id;
}

/** A moved start bumps the schedule version: the old job goes, a new one comes, after the commit. */
function reschedule(
  session: ProctoredSession,
  before: { scheduledAt: Date | null; scheduleVersion: number },
  emit: EmitEvent,
): ScheduleChange {
  session.scheduleVersion = before.scheduleVersion + 1;
  if (session.scheduledAt) {
    emit(Events.sessionRescheduled, {
      orgId: session.orgId,
      sessionId: session.id,
      previousScheduledAt: before.scheduledAt?.toISOString() ?? null,
      scheduledAt: session.scheduledAt.toISOString(),
      timeZone: session.timeZone,
    });
  }
  return {
    remove: before.scheduledAt ? { sessionId: session.id, scheduleVersion: before.scheduleVersion } : null,
    add: session.scheduledAt
      ? {
          id: session.id,
          orgId: session.orgId,
          scheduledAt: session.scheduledAt,
          scheduleVersion: session.scheduleVersion,
        }
      : null,
  };
}
