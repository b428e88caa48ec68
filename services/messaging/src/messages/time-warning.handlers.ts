import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { timeWarningText } from '@invigil/domain';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Message } from './message.entity';
import { messageSentEvent, SYSTEM_SENDER } from './message-text';

/**
 * The sessions service's scheduled time warnings, written into each candidate's own thread: shown
 * as a banner, announced by the page's live region, caught up after a reload, and in the record.
 */
@Injectable()
export class TimeWarningHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    // The consumer records the event id in the same transaction: a redelivered warning posts nothing twice.
    this.consumer.on(Events.attemptTimeWarning, async (event, em) => {
      const message = em.create(Message, {
        id: randomUUID(),
        orgId: event.orgId,
        sessionId: event.sessionId,
        kind: 'private',
        senderRole: 'system',
        senderId: null,
        senderName: SYSTEM_SENDER,
        body: timeWarningText(event.minutesRemaining),
        toUserId: event.userId,
        sentAt: new Date(),
      });
      await em.flush();
      recordEvent(em, Events.messageSent, messageSentEvent(message));
    });
  }
}
