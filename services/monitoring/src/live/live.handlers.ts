import { LockMode } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { ActivityText, who } from './activity-text';
import { progressApplies, statusApplies } from './live-rules';
import { applyProgress, lockParticipants } from './progress';
import { LiveParticipant } from './live-participant.entity';
import { lockParticipant, logActivity, occurredAt, touchAndAnnounce } from './live-store';
import { SessionInfo } from './session-info.entity';

/**
 * Builds the live read model from what other services report. Every handler tolerates any
 * arrival order: it records what the event knows and lets newer facts win.
 */
@Injectable()
export class LiveHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.followSessions();
    this.followParticipants();
    this.followAttempts();
  }

  /** A session's name and question count, and its creation and start in the activity feed. */
  private followSessions(): void {
    this.consumer.on(Events.sessionCreated, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      await em.upsert(SessionInfo, {
        sessionId: event.sessionId,
        orgId: event.orgId,
        name: event.name,
        questionCount: event.questionCount,
      });
      // Rows made by events that overtook this one learn the question count now.
      const early = await em.find(
        LiveParticipant,
        { sessionId: event.sessionId, totalQuestions: 0 },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      for (const row of early) {
        row.totalQuestions = event.questionCount;
        touchAndAnnounce(em, row, at);
      }
      logActivity(em, event, null, at, ActivityText.sessionCreated(event.name));
    });

    this.consumer.on(Events.sessionStarted, async (event, em, envelope) => {
      logActivity(em, event, null, occurredAt(envelope), ActivityText.sessionStarted());
    });
  }

  /** Who is in the session and in which status. */
  private followParticipants(): void {
    this.consumer.on(Events.participantJoined, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.participantId = event.participantId;
      row.displayName = event.displayName;
      if (statusApplies(row.status, row.statusAt, event.status, at))
        Object.assign(row, { status: event.status, statusAt: at });
      logActivity(em, event, event.participantId, at, ActivityText.joined(event.displayName));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.participantStatusChanged, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.participantId = event.participantId;
      if (statusApplies(row.status, row.statusAt, event.to, at)) Object.assign(row, { status: event.to, statusAt: at });
      logActivity(em, event, event.participantId, at, ActivityText.status(who(row.displayName), event.to));
      touchAndAnnounce(em, row, at);
    });
  }

  /** Each attempt's progress, its submission and its score. */
  private followAttempts(): void {
    this.consumer.on(Events.attemptProgressed, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      applyProgress(em, event, await lockParticipant(em, event, at), event, at);
    });

    // The save path's batches: every candidate of the batch in this one transaction.
    this.consumer.on(Events.attemptsProgressed, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const rows = await lockParticipants(
        em,
        event,
        event.progress.map((entry) => entry.userId),
        at,
      );
      for (const entry of event.progress) {
        const row = rows.get(entry.userId);
        if (row) applyProgress(em, event, row, entry, at);
      }
    });

    this.consumer.on(Events.attemptSubmitted, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      // The submission is the final word on how many questions were answered.
      if (progressApplies(row.progressAt, at))
        Object.assign(row, { answeredCount: event.answers.length, progressAt: at });
      if (statusApplies(row.status, row.statusAt, ParticipantStatus.Complete, at))
        Object.assign(row, { status: ParticipantStatus.Complete, statusAt: at });
      logActivity(em, event, row.participantId, at, ActivityText.submitted(who(row.displayName)));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.resultRecorded, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.scorePercent = event.percent;
      // A result exists only for a submitted attempt, even if the submission's event is still on its way.
      if (statusApplies(row.status, row.statusAt, ParticipantStatus.Complete, at))
        Object.assign(row, { status: ParticipantStatus.Complete, statusAt: at });
      logActivity(em, event, row.participantId, at, ActivityText.scored(who(row.displayName), event.percent));
      touchAndAnnounce(em, row, at);
    });
  }
}
