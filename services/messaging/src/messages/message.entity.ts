import { BeforeCreate, Entity, EventArgs, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MessageKind, MessageReceiptView, MessageSenderRole, MessageView } from '@invigil/contracts';
import { nextMessageSeq } from './message-sequence';

/**
 * One entry of a session's communication log: a broadcast (to everyone or a subset), a private
 * message in one candidate's thread (written by staff or by the candidate), or a system notice.
 */
@Entity({ tableName: 'message' })
@Index({ properties: ['orgId', 'sessionId', 'sentAt'] })
export class Message {
  [OptionalProps]?: 'seq' | 'senderRole' | 'recipientUserIds';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  /** The session's order of messages, given when the row is written (see `numberInSession`). */
  @Property({ type: 'bigint', columnType: 'bigint' })
  seq!: number;

  @Property({ type: 'text' })
  kind!: MessageKind;

  /** Defaults to the platform: every writer other than a system notice sets it. */
  @Property({ type: 'text' })
  senderRole: MessageSenderRole = 'system';

  /** Null for system messages. */
  @Property({ type: 'uuid', nullable: true })
  senderId: string | null = null;

  /** Copied at sending time: the log shows who sent it then, even if the account is renamed later. */
  @Property({ type: 'text' })
  senderName!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Set for a private message: the candidate whose thread it is (addressee or writer). */
  @Property({ type: 'uuid', nullable: true })
  toUserId: string | null = null;

  /** A broadcast to a chosen subset; null for everyone in the session. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  recipientUserIds: string[] | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  sentAt: Date = new Date();

  /**
   * Numbered on insert, whoever creates the message (the system notices of other features too), in
   * the transaction that writes it: see `nextMessageSeq` for why the order follows commits.
   */
  @BeforeCreate()
  async numberInSession(args: EventArgs<Message>): Promise<void> {
    if (this.seq === undefined) this.seq = await nextMessageSeq(args.em as EntityManager, this.sessionId);
  }

  toView(receipts: MessageReceiptView[] = []): MessageView {
    return {
      id: this.id,
      seq: Number(this.seq),
      sessionId: this.sessionId,
      kind: this.kind,
      senderRole: this.senderRole,
      senderId: this.senderId,
      senderName: this.senderName,
      body: this.body,
      sentAt: this.sentAt.toISOString(),
      toUserId: this.toUserId,
      recipientUserIds: this.recipientUserIds,
      receipts,
    };
  }
}
