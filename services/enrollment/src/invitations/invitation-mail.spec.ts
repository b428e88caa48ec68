import { TimeLimitMode } from '@invigil/contracts';
import { ownTimeLimitSeconds } from '@invigil/domain';
import { composeInvitation, formatInZone } from './invitation-mail';

describe('invitation mail', () => {
  const input = {
    to: { email: 'c@example.com', displayName: 'Carla <C>', timeZone: 'Europe/Berlin' },
    session: {
      name: 'Algebra',
      scheduledAt: '2026-12-01T09:30:00.000Z',
      durationMinutes: 45,
      enrollmentCode: 'ACD346',
    },
    // 45 min × 1.5 through the one rule the clock uses: 4050 s.
    timeLimitSeconds: ownTimeLimitSeconds(
      { durationMinutes: 45, timeLimitMode: TimeLimitMode.Individual },
      { timeLimitMinutes: null, timeLimitMultiplier: 1.5 },
    ),
    link: 'http://localhost:3000/invite/abc',
    expiresAt: new Date('2026-12-04T09:30:00.000Z'),
  };

  it("shows the start in the candidate's time zone, the code, the limit and the link", () => {
    const mail = composeInvitation(input);
    expect(mail.subject).toBe('Invitation: Algebra');
    expect(mail.text).toContain('It starts Tuesday, 1 December 2026 at 10:30 (Europe/Berlin).');
    expect(mail.text).toContain('enrollment code: ACD346');
    expect(mail.text).toContain('Your time limit: 1 h 7 min 30 s.');
    expect(mail.text).toContain('http://localhost:3000/invite/abc');
    expect(mail.html).toContain('Carla &lt;C&gt;');
  });

  it('gives the duration instead when the session-wide limit applies', () => {
    const sessionWide = ownTimeLimitSeconds(
      { durationMinutes: 45, timeLimitMode: TimeLimitMode.SessionWide },
      { timeLimitMinutes: null, timeLimitMultiplier: 1.5 },
    );
    const mail = composeInvitation({ ...input, timeLimitSeconds: sessionWide });
    expect(mail.text).toContain('Duration: 45 min.');
    expect(mail.text).not.toContain('Your time limit');
  });

  it('says a flexible session starts with the proctor, and falls back to UTC for an unknown zone', () => {
    expect(composeInvitation({ ...input, session: { ...input.session, scheduledAt: null } }).text).toContain(
      'It starts when your proctor starts it.',
    );
    expect(formatInZone(new Date('2026-12-01T09:30:00Z'), 'Nowhere/Else')).toBe(
      'Tuesday, 1 December 2026 at 09:30 (UTC)',
    );
  });
});
