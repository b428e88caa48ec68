import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { ActivityText, who } from './activity-text';
import { lockParticipant, logActivity, occurredAt, touchAndAnnounce } from './live-store';

/**
 * The exam runtime's events in the activity feed: connections, pauses, extensions. (The status
 * itself comes from enrollment's participantStatusChanged; a takeover of the exam view is a
 * signal, see ViewTakeoverHandlers.) Redeliveries are dropped by the consumer.
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
      row.extensionMinutes += event.minutes;
      logActivity(em, event, row.participantId, at, ActivityText.extended(who(row.displayName), event.minutes));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptDisconnected, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      // "Last seen" is when the view was last heard from, not when the disconnection was noticed.
      Object.assign(row, { connected: false, lastSeenAt: new Date(event.since) });
      logActivity(em, event, row.participantId, at, ActivityText.disconnected(who(row.displayName)));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptReconnected, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      Object.assign(row, { connected: true, lastSeenAt: at });
      logActivity(
        em,
        event,
        row.participantId,
        at,
        ActivityText.reconnected(who(row.displayName), event.disconnectedSeconds),
      );
      touchAndAnnounce(em, row, at);
    });
  }
}
