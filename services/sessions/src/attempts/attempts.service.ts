import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptRequest, AttemptStatus, AttemptView, SessionStatus } from '@invigil/contracts';
import { finishedSessionMessage, participantTimeLimitMs, sessionIsRunning } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { ProctoredSession } from '../sessions/proctored-session.entity';
import { findSessionOrFail } from '../sessions/find-session';
import { autoSubmitAt } from './attempt-clock';
import { submitLocked } from './attempt-submission';
import { buildAttemptView } from './attempt-view';
import { Attempt } from './attempt.entity';
import { DeadlineQueue } from './deadline-queue';
import { assertIdentityCleared, EnrollmentRoster } from './enrollment-roster';

export type DeadlineOutcome = 'submitted' | 'already-submitted' | 'paused' | 'not-due' | 'gone';

@Injectable()
export class AttemptsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly roster: EnrollmentRoster,
    private readonly deadlines: DeadlineQueue,
  ) {}

  /** Opens (first time) or resumes the candidate's attempt; opening twice returns the same one. */
  async open(request: AttemptRequest): Promise<AttemptView> {
    const em = this.em.fork();
    const session = await findSessionOrFail(em, request.orgId, request.sessionId);
    const existing = await em.findOne(Attempt, { orgId: request.orgId, sessionId: session.id, userId: request.userId });
    if (existing) return buildAttemptView(em, existing, session);
    assertSessionTakesAttempts(session);
    // Asked outside any transaction: no database lock waits on another service.
    const participant = await this.roster.participantOf(request);
    assertIdentityCleared(session.identityVerification, participant);
    const now = new Date();
    const timeLimitMs = participantTimeLimitMs(session, participant);
    // Two tabs opening at once both land on the one row the unique (session, user) index allows.
    // Opening during a session-wide pause starts with the clock stopped.
    await em.execute(
      `insert into "attempt" ("id", "org_id", "session_id", "user_id", "participant_id", "status", "started_at", "time_limit_ms", "paused_since")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("session_id", "user_id") do nothing`,
      [
        randomUUID(),
        request.orgId,
        session.id,
        request.userId,
        participant.id,
        AttemptStatus.InProgress,
        now,
        timeLimitMs,
        session.status === SessionStatus.Paused ? now : null,
      ],
    );
    const attempt = await em.findOneOrFail(Attempt, { sessionId: session.id, userId: request.userId });
    await this.deadlines.scheduleAll([{ attempt, gracePeriodSeconds: session.gracePeriodSeconds }]);
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
      if (!attempt)
        throw RpcError.notFound('You have no attempt in this session to submit. Open the assessment first.');
      const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
      await submitLocked(em, emit, attempt, session, false, new Date());
      return buildAttemptView(em, attempt, session);
    });
  }

  /**
   * The deadline job's work. It re-reads the clock under the row lock rather than trusting the job:
   * a pause or an extension since the job was made means it is not due (a newer job exists).
   */
  async submitIfDue(
    orgId: string,
    attemptId: string,
    now = new Date(),
  ): Promise<{ outcome: DeadlineOutcome; attempt?: Attempt; gracePeriodSeconds?: number }> {
    return this.outbox.transaction(async (em, emit) => {
      const attempt = await em.findOne(Attempt, { id: attemptId, orgId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!attempt) return { outcome: 'gone' };
      if (attempt.status === AttemptStatus.Submitted) return { outcome: 'already-submitted' };
      if (attempt.pausedSince) return { outcome: 'paused' };
      const session = await em.findOneOrFail(ProctoredSession, { id: attempt.sessionId });
      const due = autoSubmitAt(attempt, session.gracePeriodSeconds);
      if (due && due.getTime() > now.getTime())
        return { outcome: 'not-due', attempt, gracePeriodSeconds: session.gracePeriodSeconds };
      await submitLocked(em, emit, attempt, session, true, now);
      return { outcome: 'submitted', attempt };
    });
  }
}

function assertSessionTakesAttempts(session: ProctoredSession): void {
  if (sessionIsRunning(session.status)) return;
  const finished = finishedSessionMessage(session);
  if (finished) throw RpcError.conflict(`${finished}; it can no longer be taken.`);
  throw RpcError.conflict('The session has not started yet; stay in the waiting room.');
}
