import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  HandView,
  MessageReceiptView,
  MessageView,
  ReceiptsRecordedView,
  UnreadCountsView,
  UnreadCountView,
} from '@invigil/contracts';

type Schema = SchemaObject | { $ref: string };

/** Naming every property of T (`-?`): a field added to the contract without its schema does not compile. */
function object<T>(properties: { [K in keyof T]-?: Schema }): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const list = (items: Schema): SchemaObject => ({ type: 'array', items });

/** Messages, receipts, unread counts and hands, merged into RESPONSE_SCHEMAS. */
export const MESSAGE_SCHEMAS: Record<string, SchemaObject> = {
  MessageView: object<MessageView>({
    id: uuid,
    seq: int,
    sessionId: uuid,
    kind: { type: 'string', enum: ['broadcast', 'private', 'system'] },
    senderRole: { type: 'string', enum: ['staff', 'candidate', 'system'] },
    senderId: nullable(uuid),
    senderName: str,
    body: str,
    sentAt: time,
    toUserId: nullable(uuid),
    recipientUserIds: nullable(list(uuid)),
    receipts: list(
      object<MessageReceiptView>({ userId: uuid, receipt: { type: 'string', enum: ['delivered', 'read'] }, at: time }),
    ),
  }),
  ReceiptsRecordedView: object<ReceiptsRecordedView>({ recorded: int }),
  UnreadCountsView: object<UnreadCountsView>({
    total: int,
    threads: list(object<UnreadCountView>({ userId: uuid, count: int })),
  }),
  HandView: object<HandView>({ sessionId: uuid, userId: uuid, raised: { type: 'boolean' }, at: time }),
};
