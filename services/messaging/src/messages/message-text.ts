import type { MessageSentEvent } from '@invigil/contracts';
import { formatInZone } from '@invigil/domain';
import type { Message } from './message.entity';

/** Who system messages are from, as candidates and proctors see it. */
export const SYSTEM_SENDER = 'Invigil';

export function sessionStartedText(sessionName: string): string {
  return `The session "${sessionName}" has started. Good luck!`;
}

/**
 * A session rescheduled while running: the new start in the session's time zone (the one the proctor
 * works in; each candidate's email uses their own), and the proctor's message when there is one.
 */
export function sessionRescheduledText(startsAt: Date, timeZone: string, message?: string): string {
  const text = `The session has been rescheduled to ${formatInZone(startsAt, timeZone)}. Your answers and remaining time are kept; the exam continues here then.`;
  return message ? `${text} Message from your proctor: ${message}` : text;
}

/**
 * The event everyone watching the session hears. Optional fields are left out when empty: a
 * message to all names no addressee, so the gateway sends it to the whole session.
 */
export function messageSentEvent(message: Message): MessageSentEvent {
  return {
    orgId: message.orgId,
    sessionId: message.sessionId,
    messageId: message.id,
    kind: message.kind,
    senderName: message.senderName,
    body: message.body,
    sentAt: message.sentAt.toISOString(),
    senderRole: message.senderRole,
    ...(message.senderId ? { senderId: message.senderId } : {}),
    ...(message.toUserId ? { toUserId: message.toUserId } : {}),
    ...(message.recipientUserIds ? { recipientUserIds: message.recipientUserIds } : {}),
  };
}
