import { TimeLimitMode } from '@invigil/contracts';
import { describeInvitation, describeTimeLimit } from './time-limit';

describe('roster time limit and invitation labels', () => {
  const individual = { durationMinutes: 45, timeLimitMode: TimeLimitMode.Individual };
  const sessionWide = { durationMinutes: 45, timeLimitMode: TimeLimitMode.SessionWide };

  it('describes minutes, a multiplier applied to the duration, or the session-wide limit', () => {
    expect(describeTimeLimit({ timeLimitMinutes: 90, timeLimitMultiplier: null }, individual)).toBe('1 h 30 min');
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 }, individual)).toBe(
      '1.5× (1 h 7 min 30 s)',
    );
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: null }, individual)).toBe('Session-wide');
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 }, null)).toBe('1.5×');
  });

  it('shows an own limit as not applied when the session gives everyone the same time, as the clock does', () => {
    expect(describeTimeLimit({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 }, sessionWide)).toBe(
      'Session-wide (1.5× (1 h 7 min 30 s) not applied)',
    );
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
