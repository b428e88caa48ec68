import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { ActivityText, who } from './activity-text';
import { lockParticipant, logActivity, occurredAt, touchAndAnnounce } from './live-store';

/** The proctor's recovery of one candidate's attempt in the live view: reopen, credit, release of the view. */
@Injectable()
export class AttemptRecoveryHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(Events.attemptReopened, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      // Complete is otherwise final here (late events must not undo it); a reopening newer than it is the exception.
      if (row.statusAt === null || at.getTime() >= row.statusAt.getTime())
        Object.assign(row, { status: ParticipantStatus.InSession, statusAt: at });
      const text = ActivityText.reopened(who(row.displayName), event.minutes, event.reason);
      logActivity(em, event, row.participantId, at, text);
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptTimeCredited, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.creditedSeconds += event.creditedSeconds;
      logActivity(em, event, row.participantId, at, ActivityText.credited(who(row.displayName), event.creditedSeconds));
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.attemptViewReleased, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      logActivity(em, event, row.participantId, at, ActivityText.viewReleased(who(row.displayName)));
      touchAndAnnounce(em, row, at);
    });
  }
}
