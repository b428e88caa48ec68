import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ListMessagesRequest,
  MessageReceiptView,
  MessageView,
  UnreadCountsRequest,
  UnreadCountsView,
  ViewerScopedRequest,
} from '@invigil/contracts';
import { canSeeMessage, ChatViewer, receivesMessage } from '@invigil/domain';
import { Message } from './message.entity';
import { MessageReceipt } from './message-receipt.entity';

/** Reading the log: each side sees what it may, with the receipts it may see, in the session's order. */
@Injectable()
export class MessageListingService {
  constructor(private readonly em: EntityManager) {}

  /** Everything after `afterSeq` (the catch-up of a reconnecting client), oldest first. */
  async list(request: ListMessagesRequest): Promise<MessageView[]> {
    const viewer = viewerOf(request);
    const em = this.em.fork();
    const where: FilterQuery<Message> = { orgId: request.orgId, sessionId: request.sessionId };
    if (request.afterSeq !== undefined) where.seq = { $gt: request.afterSeq };
    // A candidate's own thread only; subset broadcasts are narrowed by the domain rule below.
    if (viewer.side === 'candidate') where.$or = [{ kind: { $ne: 'private' } }, { toUserId: viewer.userId }];
    const found = await em.find(Message, where, { orderBy: [{ seq: 'asc' }] });
    const visible = found.filter((message) => canSeeMessage(message, viewer));
    const shown = request.candidateId ? visible.filter((m) => inThreadOf(m, request.candidateId as string)) : visible;
    const receipts = await receiptsOf(em, shown, viewer);
    return shown.map((message) => message.toView(receipts.get(message.id) ?? []));
  }

  /**
   * Unread on each side. A candidate: messages that reached them they have not read. Staff: per
   * thread, what the candidate wrote that no staff member has read yet (one proctor reading clears it for all).
   */
  async unread(request: UnreadCountsRequest): Promise<UnreadCountsView> {
    const viewer = viewerOf(request);
    const em = this.em.fork();
    const where: FilterQuery<Message> = { orgId: request.orgId, sessionId: request.sessionId };
    if (viewer.side === 'staff') Object.assign(where, { kind: 'private', senderRole: 'candidate' });
    const messages = (await em.find(Message, where)).filter((message) => receivesMessage(message, viewer));
    const reads = await em.find(MessageReceipt, {
      messageId: { $in: messages.map((message) => message.id) },
      receipt: 'read',
    });
    const readIds = new Set(
      reads
        .filter((receipt) => (viewer.side === 'candidate' ? receipt.userId === viewer.userId : true))
        .map((receipt) => receipt.messageId),
    );
    const counts = new Map<string, number>();
    for (const message of messages) {
      if (readIds.has(message.id)) continue;
      const thread = viewer.side === 'staff' ? (message.toUserId as string) : viewer.userId;
      counts.set(thread, (counts.get(thread) ?? 0) + 1);
    }
    const threads = [...counts].map(([userId, count]) => ({ userId, count }));
    return { total: threads.reduce((sum, thread) => sum + thread.count, 0), threads };
  }
}

export function viewerOf(request: ViewerScopedRequest): ChatViewer {
  return { userId: request.viewerId, side: request.viewerSide };
}

/** A candidate's thread as staff open it: their private messages and every broadcast that reached them. */
function inThreadOf(message: Message, candidateId: string): boolean {
  if (message.kind === 'private') return message.toUserId === candidateId;
  return canSeeMessage(message, { userId: candidateId, side: 'candidate' });
}

/**
 * Staff see every receipt. A candidate sees the receipts of the messages they wrote (staff read
 * them) and their own receipts (what they already read, after a reload), never who else read a broadcast.
 */
async function receiptsOf(
  em: EntityManager,
  messages: Message[],
  viewer: ChatViewer,
): Promise<Map<string, MessageReceiptView[]>> {
  const byMessage = new Map<string, MessageReceiptView[]>();
  if (messages.length === 0) return byMessage;
  const written = new Set(messages.filter((m) => m.senderId === viewer.userId).map((m) => m.id));
  const receipts = await em.find(
    MessageReceipt,
    { messageId: { $in: messages.map((message) => message.id) } },
    { orderBy: { at: 'asc', receipt: 'asc' } },
  );
  for (const receipt of receipts) {
    const shown = viewer.side === 'staff' || written.has(receipt.messageId) || receipt.userId === viewer.userId;
    if (!shown) continue;
    byMessage.set(receipt.messageId, [...(byMessage.get(receipt.messageId) ?? []), receipt.toView()]);
  }
  return byMessage;
}
