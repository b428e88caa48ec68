import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Events, MessageReceiptKind, ReceiptsRecordedView, RecordReceiptsRequest } from '@invigil/contracts';
import { receivesMessage } from '@invigil/domain';
import { Outbox, RpcError } from '@invigil/server-platform';
import { Message } from '../messages/message.entity';
import { viewerOf } from '../messages/message-listing.service';

interface RecordedRow {
  message_id: string;
  user_id: string;
  receipt: MessageReceiptKind;
  at: Date;
}

/**
 * Receipts recorded on the server, per recipient: a client reports what reached it (delivered) and
 * what it showed (read). A receipt is written once; the repeat after a reload records and announces nothing.
 */
@Injectable()
export class ReceiptsService {
  constructor(private readonly outbox: Outbox) {}

  async record(request: RecordReceiptsRequest): Promise<ReceiptsRecordedView> {
    const viewer = viewerOf(request);
    const ids = [...new Set(request.messageIds)];
    // Read implies delivered: a message opened straight from a reload was delivered too.
    const kinds: MessageReceiptKind[] = request.receipt === 'read' ? ['delivered', 'read'] : ['delivered'];
    return this.outbox.transaction(async (em, emit) => {
      const messages = await em.find(Message, { id: { $in: ids }, orgId: request.orgId, sessionId: request.sessionId });
      const found = new Map(messages.map((message) => [message.id, message]));
      const refused = ids.filter((id) => {
        const message = found.get(id);
        return !message || !receivesMessage(message, viewer);
      });
      if (refused.length) {
        throw RpcError.invalid(
          `No receipt recorded: ${refused.length === 1 ? 'one message is' : `${refused.length} messages are`} not addressed to you in this session (${refused.join(', ')}).`,
          refused.map((id) => `messageIds: ${id} is not a message to you in this session`),
        );
      }
      let recorded = 0;
      for (const id of ids) {
        const thread = found.get(id)?.toUserId;
        for (const receipt of kinds) {
          const row = await insertOnce(em, request, id, receipt);
          if (!row) continue;
          recorded += 1;
          emit(Events.messageReceipt, {
            orgId: request.orgId,
            sessionId: request.sessionId,
            messageId: row.message_id,
            userId: row.user_id,
            receipt: row.receipt,
            at: new Date(row.at).toISOString(),
            readerSide: viewer.side,
            ...(thread ? { toUserId: thread } : {}),
          });
        }
      }
      return { recorded };
    });
  }
}

async function insertOnce(
  em: EntityManager,
  request: RecordReceiptsRequest,
  messageId: string,
  receipt: MessageReceiptKind,
): Promise<RecordedRow | undefined> {
  const rows = await em.execute<RecordedRow[]>(
    `insert into message_receipt (message_id, user_id, receipt, org_id, session_id, at) values (?, ?, ?, ?, ?, now())
     on conflict do nothing returning message_id, user_id, receipt, at`,
    [messageId, request.viewerId, receipt, request.orgId, request.sessionId],
  );
  return rows[0];
}
