import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateSessionRequest, Events, SessionStatus, SessionView } from '@invigil/contracts';
import { generateEnrollmentCode, normalizeEnrollmentCode } from '@invigil/domain';
import { EmitEvent, Outbox, RpcError } from '@invigil/server-platform';
import { randomInt, randomUUID } from 'node:crypto';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';
import { codeInUseError, EnrollmentCodeTaken, enrollmentCodeInUse, isEnrollmentCodeTaken } from './enrollment-codes';
import { ProctoredSession } from './proctored-session.entity';
import { toSessionView } from './session-view';

/** A generated code collides about once in millions; a few tries are plenty. */
const GENERATED_CODE_TRIES = 5;

@Injectable()
export class SessionCreationService {
  constructor(private readonly outbox: Outbox) {}

  /**
   * A typed code is normalised and refused if a running session of the organization holds it;
   * without one, a code is generated and regenerated on collision. The partial unique index
   * settles races between concurrent creates.
   */
  async create(request: CreateSessionRequest): Promise<SessionView> {
    const typedCode = request.enrollmentCode ? normalizeEnrollmentCode(request.enrollmentCode) : null;
    for (let attempt = 1; ; attempt++) {
      const code = typedCode ?? generateEnrollmentCode(randomInt);
      try {
        return await this.outbox.transaction((em, emit) => this.insert(em, emit, request, code));
      } catch (error) {
        if (!isEnrollmentCodeTaken(error)) throw error;
        if (typedCode) throw codeInUseError(typedCode);
        if (attempt >= GENERATED_CODE_TRIES) {
          throw RpcError.conflict('Could not find a free enrollment code; try again, or type a code of your own.');
        }
      }
    }
  }

  private async insert(em: EntityManager, emit: EmitEvent, request: CreateSessionRequest, code: string): Promise<SessionView> {
    const assessment = await em.findOne(Assessment, { id: request.assessmentId, orgId: request.orgId });
    if (!assessment) {
      throw RpcError.notFound(`No assessment ${request.assessmentId} in your organization. Pick one from your assessments or create it first.`);
    }
    // Checked here so the usual case fails cleanly; the index still catches a concurrent create.
    if (await enrollmentCodeInUse(em, request.orgId, code)) throw new EnrollmentCodeTaken(code);
    const version = await em.findOneOrFail(AssessmentVersion, { id: assessment.currentVersionId }, { fields: ['id', 'title', 'questionCount'] });
    const session = em.create(ProctoredSession, {
      id: randomUUID(),
      orgId: request.orgId,
      name: request.name,
      assessmentId: assessment.id,
      assessmentVersionId: version.id,
      proctorId: request.actorId,
      enrollmentCode: code,
      durationMinutes: request.durationMinutes,
      // Flexible start: candidates may join and wait until the proctor starts it.
      status: SessionStatus.Open,
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
    });
    return toSessionView(session, version);
  }
}
