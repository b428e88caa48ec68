import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptRequest, AttemptStatus, AttemptView, Events, SessionStatus } from '@invigil/contracts';
import { sessionIsRunning } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { findSessionOrFail } from '../sessions/sessions.service';
import { Answer } from './answer.entity';
import { Attempt } from './attempt.entity';
import { buildAttemptView } from './attempt-view';
import { EnrollmentRoster } from './enrollment-roster';

@Injectable()
export class AttemptsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly roster: EnrollmentRoster,
  ) {}

  /** Opens (first time) or resumes the candidate's attempt; opening twice returns the same one. */
  async open(request: AttemptRequest): Promise<AttemptView> {
    const em = this.em.fork();
    const session = await findSessionOrFail(em, request.orgId, request.sessionId);
    const existing = await em.findOne(Attempt, { orgId: request.orgId, sessionId: session.id, userId: request.userId });
    if (existing) return buildAttemptView(em, existing, session);
    assertSessionTakesAttempts(session);
    // Asked outside any transaction: no database lock waits on another service.
    const participantId = await this.roster.participantIdOf(request);
    // Two tabs opening at once both land on the one row the unique (session, user) index allows.
    await em.execute(
      `insert into "attempt" ("id", "org_id", "session_id", "user_id", "participant_id", "status", "started_at")
       values (?, ?, ?, ?, ?, ?, ?) on conflict ("session_id", "user_id") do nothing`,
      [randomUUID(), request.orgId, session.id, request.userId, participantId, AttemptStatus.InProgress, new Date()],
    );
    const attempt = await em.findOneOrFail(Attempt, { sessionId: session.id, userId: request.userId });
    return buildAttemptView(em, attempt, session);
  }

  /**
   * Final and idempotent: the first submit records the answers in the event; later ones return the
   * same attempt. The row lock waits for saves in flight, so the event holds every acknowledged answer.
   */
  async submit(request: AttemptRequest): Promise<AttemptView> {
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await em.findOne(
        Attempt,
        { orgId: request.orgId, sessionId: request.sessionId, userId: request.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!attempt) throw RpcError.notFound('You have no attempt in this session to submit. Open the assessment first.');
      const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
      if (attempt.status !== AttemptStatus.Submitted) {
        attempt.status = AttemptStatus.Submitted;
        attempt.submittedAt = new Date();
        const answers = await em.find(Answer, { attemptId: attempt.id }, { orderBy: { questionId: 'asc' } });
        emit(Events.attemptSubmitted, {
          orgId: attempt.orgId,
          sessionId: attempt.sessionId,
          attemptId: attempt.id,
          userId: attempt.userId,
          assessmentVersionId: session.assessmentVersionId,
          submittedAt: attempt.submittedAt.toISOString(),
          answers: answers.map((answer) => ({ questionId: answer.questionId, answer: answer.value })),
        });
      }
      return buildAttemptView(em, attempt, session);
    });
  }
}

function assertSessionTakesAttempts(session: ProctoredSession): void {
  if (sessionIsRunning(session.status)) return;
  if (session.status === SessionStatus.Ended || session.status === SessionStatus.Cancelled) {
    throw RpcError.conflict(`The session "${session.name}" is ${session.status}; it can no longer be taken.`);
  }
  throw RpcError.conflict('The session has not started yet; stay in the waiting room.');
}
