import { Message } from './message.entity';
import { messageSentEvent, sessionRescheduledText, sessionStartedText } from './message-text';

describe('message text', () => {
  it('announces a session start by name', () => {
    expect(sessionStartedText('Safety Basics')).toBe('The session "Safety Basics" has started. Good luck!');
  });

  it('announces a live reschedule with the new time in the session time zone and the proctor message', () => {
    const at = new Date('2026-12-03T15:30:00Z');
    expect(sessionRescheduledText(at, 'Europe/Berlin', 'Power cut.')).toBe(
      'The session has been rescheduled to Thursday, 3 December 2026 at 16:30 (Europe/Berlin). Your answers and remaining time are kept; the exam continues here then. Message from your proctor: Power cut.',
    );
    expect(sessionRescheduledText(at, 'UTC')).not.toContain('Message from your proctor');
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
