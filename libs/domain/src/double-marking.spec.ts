import { nextMarkRole, settleDoubleMarks } from './double-marking';

const first = { role: 'first' as const, reviewerId: 'r1', points: 3 };
const second = { role: 'second' as const, reviewerId: 'r2', points: 1 };

describe('double marking', () => {
  it('takes a first mark, then a second from another reviewer', () => {
    expect(nextMarkRole([], 'r1', false)).toBe('first');
    expect(nextMarkRole([first], 'r2', false)).toBe('second');
    expect(nextMarkRole([first], 'r1', false)).toEqual({
      refusal: 'You gave this answer its first mark; another reviewer gives the second, blind.',
    });
  });

  it('sends two marks apart to a moderator who gave neither', () => {
    expect(nextMarkRole([first, second], 'r3', true)).toBe('moderator');
    expect(nextMarkRole([first, second], 'r2', true)).toEqual({
      refusal: 'You marked this answer; a reviewer who gave neither mark moderates it.',
    });
    expect(nextMarkRole([first, second], 'r3', false)).toEqual({
      refusal: 'This answer is double marked and settled; its marks can no longer change.',
    });
  });

  it('settles to the mean within the threshold and to a moderator beyond it', () => {
    // 1 point apart of 4 is 25%.
    expect(settleDoubleMarks(3, 2, 4, 25)).toEqual({ points: 3 });
    expect(settleDoubleMarks(3, 2, 4, 20)).toBe('moderate');
    expect(settleDoubleMarks(2, 2, 4, 0)).toEqual({ points: 2 });
    expect(settleDoubleMarks(4, 0, 4, 50)).toBe('moderate');
  });
});
