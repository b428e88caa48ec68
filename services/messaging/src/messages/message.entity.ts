import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { MessageKind, MessageView } from '@invigil/contracts';

/** One entry of a session's communication log: a proctor's broadcast or a message from the system. */
@Entity({ tableName: 'message' })
@Index({ properties: ['orgId', 'sessionId', 'sentAt'] })
export class Message {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'text' })
  kind!: MessageKind;

  /** Null for system messages. */
  @Property({ type: 'uuid', nullable: true })
  senderId: string | null = null;

  /** Copied at sending time: the log shows who sent it then, even if the account is renamed later. */
  @Property({ type: 'text' })
  senderName!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Set for a private message (not sent yet); null for everything addressed to the whole session. */
  @Property({ type: 'uuid', nullable: true })
  toUserId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  sentAt: Date = new Date();

  toView(): MessageView {
    return {
      id: this.id,
      sessionId: this.sessionId,
      kind: this.kind,
      senderName: this.senderName,
      body: this.body,
      sentAt: this.sentAt.toISOString(),
    };
  }
}
