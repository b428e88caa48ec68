import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Message } from './message.entity';
import { messageSentEvent, sessionRescheduledText, sessionStartedText, SYSTEM_SENDER } from './message-text';

/** Messages the system sends by itself when something happens to a session. */
@Injectable()
export class SystemMessagesHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    // The consumer records the event id in the same transaction, so a redelivered start posts nothing twice.
    this.consumer.on(Events.sessionStarted, async (event, em) => {
      post(em, event, sessionStartedText(event.name));
    });
    // A reschedule before the start is a settings edit nobody is waiting on; a live one stops everyone.
    this.consumer.on(Events.sessionRescheduled, async (event, em) => {
      if (event.whileRunning)
        post(em, event, sessionRescheduledText(new Date(event.scheduledAt), event.timeZone, event.message));
    });
  }
}

/** A system message to everyone in the session, and its event. */
function post(em: EntityManager, event: { orgId: string; sessionId: string }, body: string): void {
  const message = em.create(Message, {
    id: randomUUID(),
    orgId: event.orgId,
    sessionId: event.sessionId,
    kind: 'system',
    senderId: null,
    senderName: SYSTEM_SENDER,
    body,
    toUserId: null,
    sentAt: new Date(),
  });
  recordEvent(em, Events.messageSent, messageSentEvent(message));
}
