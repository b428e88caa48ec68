import { MESSAGE_MAX_LENGTH } from '@invigil/contracts';
import type { AddressedMessage } from './messaging';
import { canSeeMessage, lastSeq, mergeMessages, normalizeMessageBody, receivesMessage } from './messaging';

const carla = { userId: 'carla', side: 'candidate' as const };
const chen = { userId: 'chen', side: 'candidate' as const };
const paula = { userId: 'paula', side: 'staff' as const };
const message = (overrides: Partial<AddressedMessage>): AddressedMessage => ({
  kind: 'broadcast',
  senderId: 'paula',
  toUserId: null,
  recipientUserIds: null,
  ...overrides,
});

describe('messaging rules', () => {
  it('trims a message and refuses an empty or over-long one, saying how to fix it', () => {
    expect(normalizeMessageBody('  Hi  ')).toEqual({ ok: true, body: 'Hi' });
    expect(normalizeMessageBody(' \n ')).toEqual({
      ok: false,
      reason: 'The message is empty. Write something to send.',
    });
    const long = normalizeMessageBody('x'.repeat(MESSAGE_MAX_LENGTH + 1));
    expect(long.ok ? '' : long.reason).toContain(`at most ${MESSAGE_MAX_LENGTH}`);
  });

  it("never shows a candidate another candidate's thread or a subset broadcast not for them", () => {
    const toCarla = message({ kind: 'private', toUserId: 'carla' });
    const subset = message({ recipientUserIds: ['chen'] });
    expect(canSeeMessage(toCarla, carla)).toBe(true);
    expect(canSeeMessage(toCarla, chen)).toBe(false);
    expect(canSeeMessage(subset, chen)).toBe(true);
    expect(canSeeMessage(subset, carla)).toBe(false);
    expect(canSeeMessage(message({}), carla)).toBe(true);
    expect(canSeeMessage(toCarla, paula)).toBe(true);
  });

  it('takes receipts from recipients only: candidates for what reached them, staff for what candidates wrote', () => {
    const fromCarla = message({ kind: 'private', senderId: 'carla', toUserId: 'carla' });
    const toCarla = message({ kind: 'private', toUserId: 'carla' });
    expect(receivesMessage(fromCarla, paula)).toBe(true);
    expect(receivesMessage(fromCarla, carla)).toBe(false);
    expect(receivesMessage(toCarla, carla)).toBe(true);
    expect(receivesMessage(toCarla, paula)).toBe(false);
    expect(receivesMessage(message({}), paula)).toBe(false);
  });

  it('merges pushes and catch-ups once each, in the server order', () => {
    const one = { id: 'a', seq: 1 };
    const two = { id: 'b', seq: 2 };
    const three = { id: 'c', seq: 3 };
    const held = [one, three];
    expect(mergeMessages(held, [three, two, one])).toEqual([one, two, three]);
    expect(mergeMessages(held, [three])).toBe(held);
    expect(lastSeq([one, three])).toBe(3);
    expect(lastSeq([])).toBe(0);
  });
});
