import { limitKindOf, toTimeLimitBody } from './time-limit-editor';

describe('time limit editor rules', () => {
  it('sends one form of limit and clears the other; the session-wide choice clears both', () => {
    expect(toTimeLimitBody('minutes', 90)).toEqual({ timeLimitMinutes: 90, timeLimitMultiplier: null });
    expect(toTimeLimitBody('multiplier', 1.5)).toEqual({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 });
    expect(toTimeLimitBody('none', 40)).toEqual({ timeLimitMinutes: null, timeLimitMultiplier: null });
  });

  it('opens on the form the participant has', () => {
    expect(limitKindOf({ timeLimitMinutes: 60, timeLimitMultiplier: null })).toBe('minutes');
    expect(limitKindOf({ timeLimitMinutes: null, timeLimitMultiplier: 1.25 })).toBe('multiplier');
    expect(limitKindOf({})).toBe('none');
  });
});
