import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Message } from './message.entity';
import { messageSentEvent, sessionStartedText, SYSTEM_SENDER } from './message-text';

/** Messages the system sends by itself when something happens to a session. */
@Injectable()
export class SystemMessagesHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    // The consumer records the event id in the same transaction, so a redelivered start posts nothing twice.
    this.consumer.on(Events.sessionStarted, async (event, em) => {
      const message = em.create(Message, {
        id: randomUUID(),
        orgId: event.orgId,
        sessionId: event.sessionId,
        kind: 'system',
        senderId: null,
        senderName: SYSTEM_SENDER,
        body: sessionStartedText(event.name),
        toUserId: null,
        sentAt: new Date(),
      });
      recordEvent(em, Events.messageSent, messageSentEvent(message));
    });
  }
}
