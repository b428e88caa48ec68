import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { statusApplies } from './live-rules';
import { lockParticipant, occurredAt, touchAndAnnounce } from './live-store';
import { UnreadMessage } from './unread-message.entity';

/**
 * The dashboard's rows beyond the exam itself: people on the roster who have not joined yet
 * (added, removed), the candidate's unread messages and raised hand (messaging's events).
 */
@Injectable()
export class DashboardHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.followRoster();
    this.followMessages();
  }

  private followRoster(): void {
    // An invited person is a row from the moment they are on the roster, before they ever join.
    this.consumer.on(Events.participantAdded, async (event, em, envelope) => {
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, event, at);
      row.participantId = event.participantId;
      row.displayName = event.displayName;
      if (statusApplies(row.status, row.statusAt, event.status, at))
        Object.assign(row, { status: event.status, statusAt: at });
      touchAndAnnounce(em, row, at);
    });

    // The delta says "removed" so dashboards drop the row; the row itself goes.
    this.consumer.on(Events.participantRemoved, async (event, em, envelope) => {
      const row = await lockParticipant(em, event, occurredAt(envelope));
      if (row.isIdentified())
        recordEvent(em, Events.liveParticipantUpdated, { orgId: row.orgId, ...row.toView(), removed: true });
      await em.nativeDelete(UnreadMessage, { sessionId: event.sessionId, userId: event.userId });
      em.remove(row);
    });
  }

  private followMessages(): void {
    this.consumer.on(Events.messageSent, async (event, em, envelope) => {
      // Only a candidate's own message waits for staff; a broadcast or a staff reply does not.
      if (event.kind !== 'private' || event.senderRole !== 'candidate' || !event.toUserId) return;
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, { ...event, userId: event.toUserId }, at);
      em.create(UnreadMessage, {
        messageId: event.messageId,
        orgId: event.orgId,
        sessionId: event.sessionId,
        userId: event.toUserId,
      });
      row.unreadMessages += 1;
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.messageReceipt, async (event, em, envelope) => {
      if (event.receipt !== 'read') return;
      const unread = await em.findOne(UnreadMessage, { messageId: event.messageId, sessionId: event.sessionId });
      // The writer's own receipt does not count; the first staff member's read clears it for all.
      if (!unread || unread.userId === event.userId) return;
      const at = occurredAt(envelope);
      const row = await lockParticipant(em, { ...event, userId: unread.userId }, at);
      em.remove(unread);
      row.unreadMessages = Math.max(0, row.unreadMessages - 1);
      touchAndAnnounce(em, row, at);
    });

    this.consumer.on(Events.handRaised, async (event, em, envelope) => {
      const at = new Date(event.at);
      const row = await lockParticipant(em, event, occurredAt(envelope));
      if (row.handRaisedAt !== null && at.getTime() < row.handRaisedAt.getTime()) return;
      Object.assign(row, { handRaised: event.raised, handRaisedAt: at });
      touchAndAnnounce(em, row, occurredAt(envelope));
    });
  }
}
