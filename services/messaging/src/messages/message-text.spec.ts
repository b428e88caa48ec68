import { Message } from './message.entity';
import { messageSentEvent, sessionStartedText } from './message-text';

describe('message text', () => {
  it('announces a session start by name', () => {
    expect(sessionStartedText('Safety Basics')).toBe('The session "Safety Basics" has started. Good luck!');
  });

  it('leaves the addressee out of the event of a message to everyone', () => {
    const message = Object.assign(new Message(), {
      id: 'm1',
      orgId: 'o1',
      sessionId: 's1',
      kind: 'broadcast' as const,
      senderRole: 'staff' as const,
      senderId: 'u1',
      senderName: 'Paula Proctor',
      body: 'Ten minutes left',
      sentAt: new Date('2026-11-26T09:00:00Z'),
    });
    const event = messageSentEvent(message);
    expect(event).toEqual({
      orgId: 'o1',
      sessionId: 's1',
      messageId: 'm1',
      kind: 'broadcast',
      senderRole: 'staff',
      senderId: 'u1',
      senderName: 'Paula Proctor',
      body: 'Ten minutes left',
      sentAt: '2026-11-26T09:00:00.000Z',
    });
    expect('toUserId' in event).toBe(false);
    expect('recipientUserIds' in event).toBe(false);
  });
});
