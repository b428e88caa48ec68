import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AttemptSubmittedEvent, RecordActor, SubmissionEndedBy } from '@invigil/contracts';
import { Events, RecordKind } from '@invigil/contracts';
import { candidate, DEADLINE, staff, SYSTEM } from './record-actors';
import { about, RecordWriter } from './record-writer';

/** Clock changes, connections, submissions, alerts and results in the record (messages: message-record.handlers.ts). */
@Injectable()
export class AttemptRecordHandlers implements OnModuleInit {
  constructor(private readonly writer: RecordWriter) {}

  onModuleInit(): void {
    this.followClock();
    this.followRecovery();
    this.followOutcomes();
  }

  private followClock(): void {
    const { writer } = this;
    // A pause of the whole session is recorded once, as the session's pause: its per-candidate echo adds nothing.
    writer.follow(Events.attemptPaused, (e) =>
      e.pausedBy === 'session'
        ? null
        : {
            ...about(e),
            kind: RecordKind.AttemptPaused,
            actor: staff(e.actorId),
            detail: { remainingSeconds: e.remainingSeconds, ...reasonOf(e) },
          },
    );
    writer.follow(Events.attemptResumed, (e) => ({
      ...about(e),
      kind: RecordKind.AttemptResumed,
      actor: e.actorId ? staff(e.actorId) : SYSTEM,
      detail: { remainingSeconds: e.remainingSeconds, ...reasonOf(e) },
    }));
    writer.follow(Events.attemptExtended, (e) => ({
      ...about(e),
      kind: RecordKind.AttemptExtended,
      actor: staff(e.actorId),
      detail: {
        minutes: e.minutes,
        // The extension added exactly its minutes to what was left: before is after less them.
        before: { remainingSeconds: Math.max(0, e.remainingSeconds - e.minutes * 60) },
        after: { remainingSeconds: e.remainingSeconds },
        ...reasonOf(e),
      },
    }));
    writer.follow(Events.attemptDisconnected, (e) => ({
      ...about(e),
      kind: RecordKind.AttemptDisconnected,
      actor: SYSTEM,
      detail: { since: e.since },
    }));
    writer.follow(Events.attemptReconnected, (e) => ({
      ...about(e),
      kind: RecordKind.AttemptReconnected,
      actor: SYSTEM,
      detail: { disconnectedSeconds: e.disconnectedSeconds, totalDisconnectedSeconds: e.totalDisconnectedSeconds },
    }));
  }

  /** The proctor's answers to a technical problem, each with the reason or amount an appeal panel asks for. */
  private followRecovery(): void {
    const { writer } = this;
    writer.follow(Events.attemptReopened, (e) => ({
      ...about(e),
      kind: RecordKind.AttemptReopened,
      actor: staff(e.actorId),
      detail: { reason: e.reason, minutesGiven: e.minutes, after: { remainingSeconds: e.remainingSeconds } },
    }));
    writer.follow(Events.attemptTimeCredited, (e) => ({
      ...about(e),
      kind: RecordKind.TimeCredited,
      actor: staff(e.actorId),
      detail: { creditedSeconds: e.creditedSeconds, after: { remainingSeconds: e.remainingSeconds } },
    }));
    writer.follow(Events.attemptViewReleased, (e) => ({
      ...about(e),
      kind: RecordKind.ViewReleased,
      actor: staff(e.actorId),
      detail: { releasedViewId: e.releasedViewId },
    }));
  }

  private followOutcomes(): void {
    const { writer } = this;
    writer.follow(Events.attemptSubmitted, async (e, em) => {
      const endedBy = await endedByOf(e, em);
      return {
        ...about(e),
        kind: RecordKind.AttemptSubmitted,
        actor: submitter(endedBy, e.userId),
        detail: { endedBy, submittedAt: e.submittedAt, answerCount: e.answers.length },
      };
    });
    writer.follow(Events.alertRaised, (e) => ({
      ...about(e),
      kind: RecordKind.AlertRaised,
      actor: SYSTEM,
      detail: { alertId: e.alertId, alert: e.kind, occurredAt: e.occurredAt, detail: e.detail ?? null },
    }));
    writer.follow(Events.resultRecorded, (e) => ({
      ...about(e),
      kind: RecordKind.ResultRecorded,
      actor: SYSTEM,
      detail: {
        resultId: e.resultId,
        percent: e.percent,
        passed: e.passed,
        ...(e.answersAwaitingReview !== undefined ? { answersAwaitingReview: e.answersAwaitingReview } : {}),
      },
    }));
  }
}

/**
 * Who or what ended an attempt. Older senders say only "automatic"; an automatic submission after
 * the session's end was recorded is End Session's, any other the deadline's.
 */
async function endedByOf(event: AttemptSubmittedEvent, em: EntityManager): Promise<SubmissionEndedBy> {
  if (event.endedBy) return event.endedBy;
  if (!event.automatic) return 'candidate';
  const ended = await em.execute<{ seq: number }[]>(
    `select seq from record_entry where session_id = ? and kind = ? limit 1`,
    [event.sessionId, RecordKind.SessionEnded],
  );
  return ended.length > 0 ? 'session_end' : 'deadline';
}

function submitter(endedBy: SubmissionEndedBy, userId: string): RecordActor {
  if (endedBy === 'candidate') return candidate(userId);
  if (endedBy === 'deadline') return DEADLINE;
  // End Session's actor is on the session's own "ended" entry; a proctor's submission is a staff action.
  return endedBy === 'proctor' ? staff(null) : SYSTEM;
}

/** The staff member's reason for a clock change, when they gave one. */
function reasonOf(event: { reason?: string }): { reason?: string } {
  return event.reason ? { reason: event.reason } : {};
}
