import type { ChatSide, MessageView } from '@invigil/contracts';
import { MESSAGE_MAX_LENGTH } from '@invigil/contracts';

/** The part of a message the visibility rules look at. */
export type AddressedMessage = Pick<MessageView, 'kind' | 'senderId' | 'toUserId' | 'recipientUserIds'>;

export interface ChatViewer {
  userId: string;
  side: ChatSide;
}

/** The text as it is stored, or why it cannot be sent. Surrounding blanks are not part of a message. */
export function normalizeMessageBody(body: string): { ok: true; body: string } | { ok: false; reason: string } {
  const text = body.trim();
  if (!text) return { ok: false, reason: 'The message is empty. Write something to send.' };
  if (text.length > MESSAGE_MAX_LENGTH) {
    return {
      ok: false,
      reason: `The message is ${text.length} characters long; shorten it to at most ${MESSAGE_MAX_LENGTH}.`,
    };
  }
  return { ok: true, body: text };
}

/**
 * Who may read a message. Staff read everything of their session (several proctors share the
 * threads); a candidate reads what is addressed to everyone, subset broadcasts naming them, and
 * their own private thread — never another candidate's.
 */
export function canSeeMessage(message: AddressedMessage, viewer: ChatViewer): boolean {
  if (viewer.side === 'staff') return true;
  if (message.kind === 'private') return message.toUserId === viewer.userId;
  if (message.kind === 'broadcast' && message.recipientUserIds) return message.recipientUserIds.includes(viewer.userId);
  return true;
}

/**
 * Whether the viewer is a recipient who acknowledges the message: a candidate for what reaches
 * them (not what they wrote), staff for what a candidate wrote to them.
 */
export function receivesMessage(message: AddressedMessage, viewer: ChatViewer): boolean {
  if (viewer.side === 'staff') return message.kind === 'private' && message.senderId === message.toUserId;
  return canSeeMessage(message, viewer) && message.senderId !== viewer.userId;
}

/**
 * Adds messages once each (a push, a catch-up and a reload can all bring the same one), in the
 * server's order. The returned list is a new array only when something was added.
 */
export function mergeMessages<M extends Pick<MessageView, 'id' | 'seq'>>(
  list: readonly M[],
  incoming: readonly M[],
): M[] {
  const known = new Map(list.map((message) => [message.id, message]));
  let added = false;
  for (const message of incoming) {
    if (known.has(message.id)) continue;
    known.set(message.id, message);
    added = true;
  }
  if (!added) return list as M[];
  return [...known.values()].sort((a, b) => a.seq - b.seq);
}

/** The seq to catch up from: the newest message held, or 0 with none. */
export function lastSeq(list: readonly Pick<MessageView, 'seq'>[]): number {
  return list.reduce((max, message) => Math.max(max, message.seq), 0);
}
