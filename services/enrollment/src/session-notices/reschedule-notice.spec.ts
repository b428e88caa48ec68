import { composeRescheduleNotice } from './reschedule-notice';

describe('the live-reschedule notice', () => {
  const input = {
    to: { email: 'ada@example.com', displayName: 'Ada', timeZone: 'Europe/Berlin' },
    sessionName: 'Biology <Final>',
    startsAt: new Date('2026-12-03T15:30:00Z'),
    message: 'Power cut in hall B; we continue <after> repairs.',
    link: 'http://localhost:3000/exam/s1',
  };

  it("names the new start in the candidate's own time zone and carries the proctor's message", () => {
    const mail = composeRescheduleNotice(input);
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe(
      'Rescheduled: Biology <Final> now starts Thursday, 3 December 2026 at 16:30 (Europe/Berlin)',
    );
    expect(mail.text).toContain('has been rescheduled to Thursday, 3 December 2026 at 16:30 (Europe/Berlin).');
    expect(mail.text).toContain('answers and your remaining time are kept');
    expect(mail.text).toContain('Power cut in hall B; we continue <after> repairs.');
  });

  it('escapes the session name and the message in the HTML part', () => {
    const { html } = composeRescheduleNotice(input);
    expect(html).toContain('Biology &lt;Final&gt;');
    expect(html).toContain('&lt;after&gt;');
    expect(html).not.toContain('<after>');
  });

  it('leaves the message out when the proctor wrote none', () => {
    expect(composeRescheduleNotice({ ...input, message: undefined }).text).not.toContain('Message from your proctor');
  });
});
