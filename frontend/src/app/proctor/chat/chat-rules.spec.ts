import type { AttemptSummaryView, LiveParticipantView, MessageView } from '@invigil/contracts';
import { AttemptStatus, ParticipantStatus } from '@invigil/contracts';
import { broadcastRecipients } from '../live/broadcast-audience';
import { broadcastReceiptCounts, threadReceiptLabel } from './thread-receipts';
import { timeUpdates } from './time-update';

const message = (overrides: Partial<MessageView>): MessageView => ({
  id: 'm',
  seq: 1,
  sessionId: 's',
  kind: 'private',
  senderRole: 'staff',
  senderId: 'paula',
  senderName: 'Paula',
  body: 'Hi',
  sentAt: '2026-12-03T10:00:00Z',
  toUserId: 'carla',
  recipientUserIds: null,
  receipts: [],
  ...overrides,
});
const at = '2026-12-03T10:01:00Z';

describe('proctor chat rules', () => {
  it("labels a staff message by the candidate's receipts and a candidate's by staff reading it", () => {
    expect(threadReceiptLabel(message({}), 'carla')).toBe('Sent');
    const delivered = message({ receipts: [{ userId: 'carla', receipt: 'delivered', at }] });
    expect(threadReceiptLabel(delivered, 'carla')).toBe('Delivered');
    const read = message({ receipts: [...delivered.receipts, { userId: 'carla', receipt: 'read', at }] });
    expect(threadReceiptLabel(read, 'carla')).toBe('Read');
    const asked = message({ senderRole: 'candidate', senderId: 'carla' });
    expect(threadReceiptLabel(asked, 'carla')).toBe('Unread');
    expect(threadReceiptLabel({ ...asked, receipts: [{ userId: 'paula', receipt: 'read', at }] }, 'carla')).toBe(
      'Read',
    );
  });

  it("counts a broadcast's reach per recipient, once each", () => {
    const sent = message({
      kind: 'broadcast',
      toUserId: null,
      recipientUserIds: ['a', 'b'],
      receipts: [
        { userId: 'a', receipt: 'delivered', at },
        { userId: 'a', receipt: 'read', at },
        { userId: 'b', receipt: 'delivered', at },
      ],
    });
    expect(broadcastReceiptCounts(sent, 30)).toEqual({ recipients: 2, delivered: 2, read: 1 });
    expect(broadcastReceiptCounts({ ...sent, recipientUserIds: null }, 30).recipients).toBe(30);
  });

  it('resolves a status filter to the candidates it matches now, and refuses an empty one', () => {
    const row = (userId: string, status: ParticipantStatus) => ({ userId, status }) as LiveParticipantView;
    const people = [row('a', ParticipantStatus.InSession), row('b', ParticipantStatus.Paused)];
    expect(broadcastRecipients({ mode: 'everyone' }, people)).toEqual({ ok: true });
    expect(broadcastRecipients({ mode: 'status', status: ParticipantStatus.Paused }, people)).toEqual({
      ok: true,
      recipientUserIds: ['b'],
    });
    expect(broadcastRecipients({ mode: 'status', status: ParticipantStatus.Complete }, people).ok).toBe(false);
    expect(broadcastRecipients({ mode: 'selected', userIds: new Set() }, people).ok).toBe(false);
  });

  it('tells each candidate still writing their own remaining minutes, grouped by text', () => {
    const attempt = (remainingSeconds: number, status = AttemptStatus.InProgress) => ({
      summary: { remainingSeconds, status, paused: false } as AttemptSummaryView,
      receivedAt: 0,
    });
    const updates = timeUpdates(
      [
        ['a', attempt(15 * 60 + 20)],
        ['b', attempt(15 * 60)],
        ['c', attempt(30)],
        ['d', attempt(600, AttemptStatus.Submitted)],
      ],
      0,
    );
    expect([...updates]).toEqual([
      ['15 minutes remaining.', ['a', 'b']],
      ['1 minute remaining.', ['c']],
    ]);
  });
});
