import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttemptStatus, Events } from '@invigil/contracts';
import type { EmitEvent } from '@invigil/server-platform';
import type { ProctoredSession } from '../sessions/proctored-session.entity';
import { attemptRemainingSeconds, restartClock, stopClock } from './attempt-clock';
import { accrueQuestionTime, submitLocked } from './attempt-submission';
import { Attempt } from './attempt.entity';

/** Attempts whose deadline moved in a transaction: their jobs are enqueued after the commit. */
export type MovedDeadlines = { attempt: Attempt; gracePeriodSeconds: number }[];

/**
 * Session-wide pause, resume and end, applied to every running attempt inside the session
 * command's own transaction. Each attempt gets its own event, so its participant's status follows.
 */
export async function pauseSessionAttempts(
  em: EntityManager,
  emit: EmitEvent,
  session: ProctoredSession,
  now: Date,
): Promise<void> {
  for (const attempt of await runningAttempts(em, session)) {
    if (attempt.pausedSince) continue;
    accrueQuestionTime(attempt, now, false);
    stopClock(attempt, now);
    emit(Events.attemptPaused, { ...clockEvent(attempt, now), pausedBy: 'session' });
  }
}

export async function resumeSessionAttempts(
  em: EntityManager,
  emit: EmitEvent,
  session: ProctoredSession,
  now: Date,
): Promise<MovedDeadlines> {
  const moved: MovedDeadlines = [];
  for (const attempt of await runningAttempts(em, session)) {
    // A candidate the proctor paused stays paused until the proctor resumes them.
    if (!attempt.pausedSince || attempt.pausedByProctor) continue;
    restartClock(attempt, now);
    accrueQuestionTime(attempt, now, true);
    moved.push({ attempt, gracePeriodSeconds: session.gracePeriodSeconds });
    emit(Events.attemptResumed, clockEvent(attempt, now));
  }
  return moved;
}

/** Ending the session submits every attempt still open, with the answers saved so far. */
export async function submitSessionAttempts(
  em: EntityManager,
  emit: EmitEvent,
  session: ProctoredSession,
  now: Date,
): Promise<void> {
  for (const attempt of await runningAttempts(em, session))
    await submitLocked(em, emit, attempt, session, true, now, 'session_end');
}

/** Attempts open and not paused: the candidates End Session's grace is for. */
export async function writingAttemptCount(em: EntityManager, session: ProctoredSession): Promise<number> {
  return em.count(Attempt, { sessionId: session.id, status: AttemptStatus.InProgress, pausedSince: null });
}

function runningAttempts(em: EntityManager, session: ProctoredSession): Promise<Attempt[]> {
  return em.find(
    Attempt,
    { sessionId: session.id, status: AttemptStatus.InProgress },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
}

/** The common part of the attempt clock events. */
export function clockEvent(attempt: Attempt, now: Date) {
  return {
    orgId: attempt.orgId,
    sessionId: attempt.sessionId,
    attemptId: attempt.id,
    userId: attempt.userId,
    remainingSeconds: attemptRemainingSeconds(attempt, now),
  };
}
