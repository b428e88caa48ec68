import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MessageSentEvent, RecordActor } from '@invigil/contracts';
import { Events, RecordKind } from '@invigil/contracts';
import { candidate, staff, SYSTEM } from './record-actors';
import { about, RecordWriter, sessionWide } from './record-writer';

/** Who wrote a message, as the record names them. Events from before private chat name no writer. */
function writerOf(event: MessageSentEvent): RecordActor {
  if (event.kind === 'system' || event.senderRole === 'system') return SYSTEM;
  if (event.senderRole === 'candidate' && event.senderId) return candidate(event.senderId);
  return staff(event.senderId ?? null);
}

/** Messages, their receipts and raised hands in the session record. */
@Injectable()
export class MessageRecordHandlers implements OnModuleInit {
  constructor(private readonly writer: RecordWriter) {}

  onModuleInit(): void {
    const { writer } = this;
    // A private message belongs to its candidate's part of the record; broadcasts and notices to the session's.
    writer.follow(Events.messageSent, (e) => ({
      ...(e.toUserId ? about({ ...e, userId: e.toUserId }) : sessionWide(e)),
      kind: e.kind === 'private' ? RecordKind.PrivateMessageSent : RecordKind.MessageSent,
      actor: writerOf(e),
      detail: {
        messageId: e.messageId,
        kind: e.kind,
        senderName: e.senderName,
        body: e.body,
        sentAt: e.sentAt,
        recipientUserIds: e.recipientUserIds ?? null,
      },
    }));
    // A receipt concerns the candidate who read, or whose message staff read.
    writer.follow(Events.messageReceipt, (e) => {
      const byStaff = e.readerSide === 'staff';
      const concerns = byStaff ? e.toUserId : e.userId;
      return {
        ...(concerns ? about({ ...e, userId: concerns }) : sessionWide(e)),
        kind: RecordKind.MessageReceipt,
        actor: byStaff ? staff(e.userId) : candidate(e.userId),
        detail: { messageId: e.messageId, receipt: e.receipt, readerId: e.userId, at: e.at },
      };
    });
    writer.follow(Events.handRaised, (e) => ({
      ...about(e),
      kind: RecordKind.HandRaised,
      // The candidate raises and lowers their own hand; staff may lower it after helping.
      actor: e.actorId ? staff(e.actorId) : candidate(e.userId),
      detail: { raised: e.raised, at: e.at },
    }));
  }
}
