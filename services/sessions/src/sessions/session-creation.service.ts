import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateSessionRequest, Events, SessionView } from '@invigil/contracts';
import { generateEnrollmentCode, statusOnCreation } from '@invigil/domain';
import { EmitEvent, Outbox, RpcClient, RpcError } from '@invigil/server-platform';
import { randomInt, randomUUID } from 'node:crypto';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';
import { codeInUseError, EnrollmentCodeTaken, enrollmentCodeInUse, isEnrollmentCodeTaken } from './enrollment-codes';
import { ProctoredSession } from './proctored-session.entity';
import { ScheduledStartQueue } from './scheduled-start-queue';
import { assertIsProctor, ResolvedSettings, resolveSettings, settingsColumns, settingsError } from './session-settings';
import { joiningSettingsOf, toSessionView } from './session-view';

/** A generated code collides about once in millions; a few tries are plenty. */
const GENERATED_CODE_TRIES = 5;

@Injectable()
export class SessionCreationService {
  constructor(
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly scheduledStarts: ScheduledStartQueue,
  ) {}

  /**
   * A scheduled start becomes `scheduled` (candidates may already join and wait) with a delayed job
   * that starts it; a flexible start becomes `open` and waits for the proctor.
   *
   * A typed code is normalised and refused if a running session of the organization holds it;
   * without one, a code is generated and regenerated on collision. The partial unique index
   * settles races between concurrent creates.
   */
  async create(request: CreateSessionRequest): Promise<SessionView> {
    const settings = resolveSettings(request.settings, request.actorId, new Date());
    await assertIsProctor(this.rpc, request.orgId, settings.proctorId);
    for (let attempt = 1; ; attempt++) {
      const code = settings.typedCode ?? generateEnrollmentCode(randomInt);
      try {
        const { view, session } = await this.outbox.transaction((em, emit) =>
          this.insert(em, emit, request.orgId, settings, code),
        );
        // After the commit; if this fails the start-up sweep enqueues it.
        await this.scheduledStarts.schedule(session).catch(() => undefined);
        return view;
      } catch (error) {
        if (!isEnrollmentCodeTaken(error)) throw error;
        if (settings.typedCode) throw codeInUseError(settings.typedCode);
        if (attempt >= GENERATED_CODE_TRIES) {
          throw RpcError.conflict('Could not find a free enrollment code; try again, or type a code of your own.');
        }
      }
    }
  }

  private async insert(
    em: EntityManager,
    emit: EmitEvent,
    orgId: string,
    settings: ResolvedSettings,
    code: string,
  ): Promise<{ view: SessionView; session: ProctoredSession }> {
    const assessment = await em.findOne(Assessment, { id: settings.assessmentId, orgId });
    if (!assessment) {
      throw settingsError(
        'assessmentId',
        `no assessment ${settings.assessmentId} in your organization; pick one from your assessments or create it first`,
      );
    }
    // Checked here so the usual case fails cleanly; the index still catches a concurrent create.
    if (await enrollmentCodeInUse(em, orgId, code)) throw new EnrollmentCodeTaken(code);
    const version = await em.findOneOrFail(
      AssessmentVersion,
      { id: assessment.currentVersionId },
      { fields: ['id', 'title', 'questionCount'] },
    );
    const session = em.create(ProctoredSession, {
      id: randomUUID(),
      orgId,
      ...settingsColumns(settings),
      assessmentId: assessment.id,
      assessmentVersionId: version.id,
      enrollmentCode: code,
      scheduleVersion: 0,
      status: statusOnCreation(settings.startMode),
      startedAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    emit(Events.sessionCreated, {
      orgId: session.orgId,
      sessionId: session.id,
      name: session.name,
      enrollmentCode: session.enrollmentCode,
      questionCount: version.questionCount,
      status: session.status,
      settings: joiningSettingsOf(session),
    });
    return { view: toSessionView(session, version), session };
  }
}
