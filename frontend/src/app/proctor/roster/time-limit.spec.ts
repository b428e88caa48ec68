import { describeInvitation, describeTimeLimit } from './time-limit';

describe('roster time limit and invitation labels', () => {
  it('describes minutes, a multiplier applied to the duration, or the session-wide limit', () => {
    expect(describeTimeLimit({ timeLimitMinutes: 90, timeLimitMultiplier: null }, 45)).toBe('1 h 30 min');
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 }, 45)).toBe('1.5× (1 h 7 min 30 s)');
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: null }, 45)).toBe('Session-wide');
  });

  it('tells emailed, code-only and self-joined participants apart', () => {
    expect(describeInvitation({ invitedAt: '2026-11-26T10:00:00Z', invitationSentAt: null })).toBe(
      'Added, no email (code handed out)',
    );
    expect(describeInvitation({ invitedAt: null, invitationSentAt: null })).toBe('Joined with the code');
    expect(describeInvitation({ invitedAt: '2026-11-26T10:00:00Z', invitationSentAt: '2026-11-26T10:00:00Z' })).toMatch(
      /^Emailed /,
    );
  });
});
