import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { MessageReceiptKind, MessageReceiptView } from '@invigil/contracts';

/** One recipient received (delivered) or opened (read) one message. Written once; repeats change nothing. */
@Entity({ tableName: 'message_receipt' })
@Index({ properties: ['orgId', 'sessionId'] })
export class MessageReceipt {
  @PrimaryKey({ type: 'uuid' })
  messageId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  receipt!: MessageReceiptKind;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at: Date = new Date();

  toView(): MessageReceiptView {
    return { userId: this.userId, receipt: this.receipt, at: this.at.toISOString() };
  }
}
