import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, SignalKind } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { raiseAlert } from '../signals/raise-alert';
import { ActivityText, who } from './live-rules';
import { lockParticipant, logActivity, occurredAt, touchAndAnnounce } from './live-store';

/**
 * The exam runtime's events in the activity feed: connections, pauses, extensions, and a takeover
 * of the exam view, which is also a suspicious-activity signal with its alert. (The status itself
 * comes from enrollment's participantStatusChanged.) Redeliveries are dropped by the consumer.
 */
@Injectable()
export class AttemptActivityHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionPaused, async (event, em, envelope) => {
      logActivity(em, event, null, occurredAt(envelope), ActivityText.sessionPaused());
    });

    this.consumer.on(Events.sessionResumed, async (event, em, envelope) => {
      logActivity(em, event, null, occurredAt(envelope), ActivityText.sessionResumed());
    });

    this.consumer.on(Events.attemptPaused, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.pausedBy = event.pausedBy;
      // A whole-session pause is the one "Session paused" line, not one per candidate.
      if (event.pausedBy === 'proctor')
        logActivity(em, event, row.participantId, at, ActivityText.pausedByProctor(who(row.displayName)));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptResumed, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      if (row.pausedBy !== 'session')
        logActivity(em, event, row.participantId, at, ActivityText.resumed(who(row.displayName)));
      row.pausedBy = null;
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptExtended, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      logActivity(em, event, row.participantId, at, ActivityText.extended(who(row.displayName), event.minutes));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptDisconnected, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      logActivity(em, event, row.participantId, at, ActivityText.disconnected(who(row.displayName)));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptReconnected, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      logActivity(
        em,
        event,
        row.participantId,
        at,
        ActivityText.reconnected(who(row.displayName), event.disconnectedSeconds),
      );
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptViewTakenOver, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      const takenAt = new Date(event.at);
      raiseAlert(em, row, {
        kind: SignalKind.ViewTakenOver,
        occurredAt: Number.isNaN(takenAt.getTime()) ? at : takenAt,
        receivedAt: at,
        detail:
          'The candidate confirmed opening the exam in another tab or on another device; the earlier view was closed.',
      });
    });
  }
}
