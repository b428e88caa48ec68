import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, RecordKind } from '@invigil/contracts';
import { candidate, staff, SYSTEM } from './record-actors';
import { about, RecordWriter, sessionWide } from './record-writer';

/** The session's lifecycle, its roster, attendance and identity decisions in the record. */
@Injectable()
export class SessionRecordHandlers implements OnModuleInit {
  constructor(private readonly writer: RecordWriter) {}

  onModuleInit(): void {
    this.followLifecycle();
    this.followRoster();
    this.followReview();
  }

  private followLifecycle(): void {
    const { writer } = this;
    writer.follow(Events.sessionCreated, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionCreated,
      actor: SYSTEM,
      detail: { name: e.name },
    }));
    // A live reschedule (whileRunning) moves a started session: its previous start is when it had started.
    writer.follow(Events.sessionRescheduled, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionRescheduled,
      actor: staff(e.actorId ?? null),
      detail: {
        before: e.whileRunning ? (e.previousStartedAt ?? e.previousScheduledAt) : e.previousScheduledAt,
        after: e.scheduledAt,
        timeZone: e.timeZone,
        whileRunning: e.whileRunning ?? false,
        reason: e.reason ?? null,
        message: e.message ?? null,
      },
    }));
    // No actor on a start: the scheduled-start job started it.
    writer.follow(Events.sessionStarted, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionStarted,
      actor: e.actorId ? staff(e.actorId) : SYSTEM,
      detail: { startedAt: e.startedAt },
    }));
    writer.follow(Events.sessionPaused, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionPaused,
      actor: staff(e.actorId),
      detail: { pausedAt: e.pausedAt, reason: e.reason ?? null, message: e.message ?? null },
    }));
    writer.follow(Events.sessionResumed, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionResumed,
      actor: staff(e.actorId),
      detail: { resumedAt: e.resumedAt },
    }));
    writer.follow(Events.sessionEnding, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionEnding,
      actor: staff(e.actorId),
      detail: { endingAt: e.endingAt, graceEndsAt: e.graceEndsAt, stillWriting: e.stillWriting },
    }));
    writer.follow(Events.sessionEnded, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionEnded,
      actor: staff(e.actorId),
      detail: { endedAt: e.endedAt },
    }));
    writer.follow(Events.sessionCancelled, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.SessionCancelled,
      actor: staff(e.actorId),
      detail: { cancelledAt: e.cancelledAt },
    }));
  }

  private followRoster(): void {
    const { writer } = this;
    writer.follow(Events.participantAdded, (e) => ({
      ...about(e),
      kind: RecordKind.ParticipantAdded,
      actor: staff(null),
      detail: {
        displayName: e.displayName,
        timeLimitMinutes: e.timeLimitMinutes ?? null,
        timeLimitMultiplier: e.timeLimitMultiplier ?? null,
        invited: e.invitationRequested,
      },
    }));
    writer.follow(Events.participantRemoved, (e) => ({
      ...about(e),
      kind: RecordKind.ParticipantRemoved,
      actor: staff(null),
      detail: {},
    }));
    writer.follow(Events.participantJoined, (e) => ({
      ...about(e),
      kind: RecordKind.ParticipantJoined,
      actor: candidate(e.userId),
      detail: { displayName: e.displayName, status: e.status },
    }));
    writer.follow(Events.participantStatusChanged, (e) => ({
      ...about(e),
      kind: RecordKind.StatusChanged,
      actor: SYSTEM,
      detail: { before: e.from, after: e.to },
    }));
    writer.follow(Events.participantTimeLimitChanged, (e) => ({
      ...about(e),
      kind: RecordKind.TimeLimitChanged,
      actor: staff(null),
      detail: {
        before:
          e.previousTimeLimitMinutes === undefined && e.previousTimeLimitMultiplier === undefined
            ? null
            : { minutes: e.previousTimeLimitMinutes ?? null, multiplier: e.previousTimeLimitMultiplier ?? null },
        after: { minutes: e.timeLimitMinutes ?? null, multiplier: e.timeLimitMultiplier ?? null },
      },
    }));
    writer.follow(Events.identitySubmitted, (e) => ({
      ...about(e),
      kind: RecordKind.IdentitySubmitted,
      actor: candidate(e.userId),
      detail: {},
    }));
    writer.follow(Events.identityDecided, (e) => ({
      ...about(e),
      kind: RecordKind.IdentityDecided,
      actor: staff(e.decidedBy),
      detail: { approved: e.approved, reason: e.reason ?? null },
    }));
  }

  private followReview(): void {
    const { writer } = this;
    // Only an admin may reveal who wrote the answers reviewers mark.
    writer.follow(Events.reviewIdentitiesRevealed, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.ReviewIdentitiesRevealed,
      actor: staff(e.actorId, 'admin'),
      detail: { revealedAt: e.at },
    }));
    // Who released the results (the proctor's button); the system when the policy released by itself.
    writer.follow(Events.resultsReleased, (e) => ({
      ...sessionWide(e),
      kind: RecordKind.ResultsReleased,
      actor: e.actorId ? staff(e.actorId) : SYSTEM,
      detail: { releasedAt: e.at, results: e.results, passed: e.passed },
    }));
  }
}
