import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import {
  Events,
  GetSessionRequest,
  ListSessionsRequest,
  ResolveEnrollmentCodeRequest,
  SessionCommandRequest,
  SessionStatus,
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
import {
  MovedDeadlines,
  pauseSessionAttempts,
  resumeSessionAttempts,
  submitSessionAttempts,
} from '../attempts/session-attempts';
import { DeadlineQueue } from '../attempts/deadline-queue';
import { findSessionOrFail } from './find-session';
import { ScheduledStartQueue } from './scheduled-start-queue';
import { applySettings, assertIsProctor, resolveSettings } from './session-settings';
import { joiningSettingsOf, toSessionViewOne, toSessionViews } from './session-view';

interface ScheduleChange {
  remove: { sessionId: string; scheduleVersion: number } | null;
  add: Pick<ProctoredSession, 'id' | 'orgId' | 'scheduledAt' | 'scheduleVersion'> | null;
}

const NO_CHANGE: ScheduleChange = { remove: null, add: null };

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly scheduledStarts: ScheduledStartQueue,
    private readonly deadlines: DeadlineQueue,
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
    let change = NO_CHANGE;
    let view: SessionView;
    try {
      view = await this.outbox.transaction(async (em, emit) => {
        const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
        if (!sessionIsEditable(session.status)) {
          throw RpcError.conflict(
            `The session is "${session.status}": its settings can only be changed before it starts (draft, scheduled or open).`,
          );
        }
        if (settings.assessmentId !== session.assessmentId) {
          const assessment = await em.findOne(Assessment, { id: settings.assessmentId, orgId: request.orgId });
          if (!assessment)
            throw RpcError.invalid(
              `settings.assessmentId: no assessment ${settings.assessmentId} in your organization`,
              [`settings.assessmentId: no assessment ${settings.assessmentId} in your organization`],
            );
          const version = await em.findOneOrFail(
            AssessmentVersion,
            { id: assessment.currentVersionId },
            { fields: ['id'] },
          );
          session.assessmentId = assessment.id;
          session.assessmentVersionId = version.id;
        }
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
          session.scheduleVersion = before.scheduleVersion + 1;
          change = {
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
          if (session.scheduledAt) {
            emit(Events.sessionRescheduled, {
              orgId: session.orgId,
              sessionId: session.id,
              previousScheduledAt: before.scheduledAt?.toISOString() ?? null,
              scheduledAt: session.scheduledAt.toISOString(),
              timeZone: session.timeZone,
            });
          }
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
    await this.applyScheduleChange(change);
    return view;
  }

  /** The proctor's start: flexible sessions, or a scheduled one started early. The job uses the same path. */
  async start(request: SessionCommandRequest): Promise<SessionView> {
    let change = NO_CHANGE;
    const view = await this.outbox.transaction(async (em, emit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      if (session.status === SessionStatus.Scheduled)
        change = { remove: { sessionId: session.id, scheduleVersion: session.scheduleVersion }, add: null };
      startInTransaction(session, emit);
      return toSessionViewOne(em, session);
    });
    await this.applyScheduleChange(change);
    return view;
  }

  /**
   * The scheduled-start job: starts the session only if it is still scheduled for this version
   * (a reschedule, a cancel or an early start makes the job a no-op). True when it started it.
   */
  async startScheduled(orgId: string, sessionId: string, scheduleVersion: number): Promise<boolean> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await em.findOne(
        ProctoredSession,
        { id: sessionId, orgId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session || session.status !== SessionStatus.Scheduled || session.scheduleVersion !== scheduleVersion)
        return false;
      startInTransaction(session, emit);
      return true;
    });
  }

  pause(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Paused, async (session, emit, now, em) => {
      emit(Events.sessionPaused, { orgId: session.orgId, sessionId: session.id, pausedAt: now.toISOString() });
      await pauseSessionAttempts(em, emit, session, now);
    });
  }

  async resume(request: SessionCommandRequest): Promise<SessionView> {
    let moved: MovedDeadlines = [];
    const view = await this.command(request, SessionStatus.InProgress, async (session, emit, now, em) => {
      emit(Events.sessionResumed, { orgId: session.orgId, sessionId: session.id, resumedAt: now.toISOString() });
      moved = await resumeSessionAttempts(em, emit, session, now);
    });
    await this.deadlines.scheduleAll(moved);
    return view;
  }

  end(request: SessionCommandRequest): Promise<SessionView> {
    return this.command(request, SessionStatus.Ended, async (session, emit, now, em) => {
      session.endedAt = now;
      emit(Events.sessionEnded, { orgId: session.orgId, sessionId: session.id, endedAt: now.toISOString() });
      await submitSessionAttempts(em, emit, session, now);
    });
  }

  async cancel(request: SessionCommandRequest): Promise<SessionView> {
    let change = NO_CHANGE;
    const view = await this.command(request, SessionStatus.Cancelled, (session, emit, now) => {
      session.endedAt = now;
      if (session.scheduledAt)
        change = { remove: { sessionId: session.id, scheduleVersion: session.scheduleVersion }, add: null };
      emit(Events.sessionCancelled, { orgId: session.orgId, sessionId: session.id, cancelledAt: now.toISOString() });
    });
    await this.applyScheduleChange(change);
    return view;
  }

  /** One lifecycle step: the domain's state machine decides; the refusal names the current state. */
  private command(
    request: SessionCommandRequest,
    to: SessionStatus,
    effect: (session: ProctoredSession, emit: EmitEvent, now: Date, em: EntityManager) => void | Promise<void>,
  ): Promise<SessionView> {
    return this.outbox.transaction(async (em, emit) => {
      const session = await findSessionOrFail(em, request.orgId, request.sessionId, LockMode.PESSIMISTIC_WRITE);
      assertSessionTransition(session.status, to);
      session.status = to;
      await effect(session, emit, new Date(), em);
      return toSessionViewOne(em, session);
    });
  }

  /** After the commit. A failure here is repaired by the start-up sweep; the worker checks the version anyway. */
  private async applyScheduleChange(change: ScheduleChange): Promise<void> {
    try {
      if (change.remove) await this.scheduledStarts.unschedule(change.remove.sessionId, change.remove.scheduleVersion);
      if (change.add) await this.scheduledStarts.schedule(change.add);
    } catch (error) {
      this.logger.error(`Could not move a scheduled start (the next start-up sweep repairs it): ${String(error)}`);
    }
  }
}

function startInTransaction(session: ProctoredSession, emit: EmitEvent): void {
  assertSessionTransition(session.status, SessionStatus.InProgress);
  session.status = SessionStatus.InProgress;
  session.startedAt = new Date();
  emit(Events.sessionStarted, {
    orgId: session.orgId,
    sessionId: session.id,
    name: session.name,
    startedAt: session.startedAt.toISOString(),
  });
}
