import type { MessageView } from '@invigil/contracts';

/**
 * What the proctor's side shows under one message of a candidate's thread: for what staff sent,
 * whether the candidate has it and read it; for what the candidate wrote, whether staff read it.
 */
export function threadReceiptLabel(message: MessageView, candidateId: string): string {
  if (message.senderRole === 'candidate') {
    return message.receipts.some((r) => r.receipt === 'read' && r.userId !== candidateId) ? 'Read' : 'Unread';
  }
  const theirs = message.receipts.filter((r) => r.userId === candidateId);
  if (theirs.some((r) => r.receipt === 'read')) return 'Read';
  return theirs.some((r) => r.receipt === 'delivered') ? 'Delivered' : 'Sent';
}

/** A broadcast's reach: how many of its recipients have it and have read it. */
export function broadcastReceiptCounts(
  message: MessageView,
  everyone: number,
): { recipients: number; delivered: number; read: number } {
  const count = (receipt: 'delivered' | 'read') =>
    new Set(message.receipts.filter((r) => r.receipt === receipt).map((r) => r.userId)).size;
  return {
    recipients: message.recipientUserIds?.length ?? everyone,
    delivered: count('delivered'),
    read: count('read'),
  };
}
