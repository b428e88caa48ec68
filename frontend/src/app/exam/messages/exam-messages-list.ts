import type { MessageSentEvent, MessageView } from '@invigil/contracts';

export function fromMessageEvent(event: MessageSentEvent): MessageView {
  const { messageId, sessionId, kind, senderName, body, sentAt } = event;
  return { id: messageId, sessionId, kind, senderName, body, sentAt };
}

/** Adds a message once (a push and a reload can both bring it), keeping the list in sending order. */
export function addMessage(list: MessageView[], message: MessageView): MessageView[] {
  if (list.some((existing) => existing.id === message.id)) return list;
  return [...list, message].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
}
