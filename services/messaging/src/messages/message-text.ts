import type { MessageSentEvent } from '@invigil/contracts';
import type { Message } from './message.entity';

/** Who system messages are from, as candidates and proctors see it. */
export const SYSTEM_SENDER = 'Invigil';

export function sessionStartedText(sessionName: string): string {
  return `The session "${sessionName}" has started. Good luck!`;
}

/** The event everyone watching the session hears; `toUserId` is left out for a message to all. */
export function messageSentEvent(message: Message): MessageSentEvent {
  return {
    orgId: message.orgId,
    sessionId: message.sessionId,
    messageId: message.id,
    kind: message.kind,
    senderName: message.senderName,
    body: message.body,
    sentAt: message.sentAt.toISOString(),
    ...(message.toUserId ? { toUserId: message.toUserId } : {}),
  };
}
