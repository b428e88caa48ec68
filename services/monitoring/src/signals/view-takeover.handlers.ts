import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, SignalKind } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { lockParticipant, occurredAt } from '../live/live-store';
import { raiseAlert } from './raise-alert';

/**
 * A takeover of the exam view (the candidate confirmed opening the exam elsewhere) is a
 * suspicious-activity signal with its alert, like those the exam page reports.
 */
@Injectable()
export class ViewTakeoverHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
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
