import type { SessionView } from '@invigil/contracts';
import { EnrollmentMode, StartMode, TimeLimitMode } from '@invigil/contracts';
import { defaultFormValue, fieldErrors, formValueOf, timeZoneChoices, toSettingsBody } from './session-settings-form';
import { describeStart, sessionsOfTab } from './sessions-list';
import { SessionStatus } from '@invigil/contracts';

describe('New Session form values', () => {
  it('defaults to flexible start, auto enrollment, no limit, no late entry, session-wide, security off, the browser zone', () => {
    const body = toSettingsBody({ ...defaultFormValue(), name: 'Quiz', assessmentId: 'a1', durationMinutes: '30' });
    expect(body).toEqual({
      name: 'Quiz',
      assessmentId: 'a1',
      startMode: StartMode.Flexible,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      durationMinutes: 30,
      enrollmentMode: EnrollmentMode.Auto,
      lateEntry: false,
      timeLimitMode: TimeLimitMode.SessionWide,
      security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
    });
  });

  it('sends every option that is set', () => {
    const body = toSettingsBody({
      ...defaultFormValue(),
      name: 'Final',
      assessmentId: 'a1',
      enrollmentCode: ' chem42 ',
      startMode: StartMode.Scheduled,
      scheduledLocalTime: '2030-07-01T09:30',
      timeZone: 'Europe/Berlin',
      maxUsers: '25',
      lateEntry: true,
      lateEntryMinutes: '15',
      gracePeriodSeconds: '30',
      browserLockdown: true,
    });
    expect(body).toMatchObject({
      enrollmentCode: 'chem42',
      scheduledLocalTime: '2030-07-01T09:30',
      maxUsers: 25,
      lateEntryMinutes: 15,
      gracePeriodSeconds: 30,
    });
    expect(body.security.browserLockdown).toBe(true);
  });

  it("shows an existing session's start in its own zone", () => {
    const value = formValueOf({
      name: 'x',
      assessmentId: 'a1',
      proctorId: 'p1',
      enrollmentCode: 'ABCD',
      startMode: StartMode.Scheduled,
      scheduledAt: '2030-07-01T07:30:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      enrollmentMode: EnrollmentMode.Hybrid,
      maxUsers: null,
      lateEntry: false,
      lateEntryMinutes: null,
      timeLimitMode: TimeLimitMode.Individual,
      gracePeriodSeconds: 0,
      security: { browserLockdown: false, screenMonitoring: true, identityVerification: false },
    } as unknown as SessionView);
    expect(value.scheduledLocalTime).toBe('2030-07-01T09:30');
    expect(value.screenMonitoring).toBe(true);
  });

  it('sends the snapshot interval with screen monitoring and the Config Keys one per line', () => {
    const key = (c: string) => c.repeat(64);
    const body = toSettingsBody({
      ...defaultFormValue(),
      name: 'x',
      assessmentId: 'a1',
      screenMonitoring: true,
      snapshotIntervalSeconds: '30',
      safeExamBrowserConfigKeys: ` ${key('a')}\n\n${key('b')} \r\n`,
    });
    expect(body.security).toEqual({
      browserLockdown: false,
      screenMonitoring: true,
      identityVerification: false,
      snapshotIntervalSeconds: 30,
      safeExamBrowserConfigKeys: [key('a'), key('b')],
    });
    const withoutMonitoring = toSettingsBody({ ...defaultFormValue(), snapshotIntervalSeconds: '30' });
    expect(withoutMonitoring.security).toEqual({
      browserLockdown: false,
      screenMonitoring: false,
      identityVerification: false,
    });
  });

  it('shows an existing session’s snapshot interval and Config Keys', () => {
    const value = formValueOf({
      startMode: StartMode.Flexible,
      scheduledAt: null,
      timeZone: 'UTC',
      security: {
        browserLockdown: false,
        screenMonitoring: true,
        identityVerification: false,
        snapshotIntervalSeconds: 20,
        safeExamBrowserConfigKeys: ['k1', 'k2'],
      },
    } as unknown as SessionView);
    expect(value.snapshotIntervalSeconds).toBe(20);
    expect(value.safeExamBrowserConfigKeys).toBe('k1\nk2');
  });

  it('maps server details to fields by path, from the gateway and from the service', () => {
    const fields = ['name', 'timeZone', 'browserLockdown', 'scheduledLocalTime'];
    const { byField, general } = fieldErrors(
      [
        'name: name must not be empty',
        'settings.timeZone: Unknown time zone "Mars/X"',
        'security.browserLockdown: must be true or false',
        'something odd',
      ],
      fields,
    );
    expect(byField).toEqual({
      name: ['name must not be empty'],
      timeZone: ['Unknown time zone "Mars/X"'],
      browserLockdown: ['must be true or false'],
    });
    expect(general).toEqual(['something odd']);
  });

  it('offers the browser zone among the choices', () => {
    expect(timeZoneChoices('Asia/Kolkata')).toEqual(
      expect.arrayContaining(['UTC', 'Asia/Kolkata', Intl.DateTimeFormat().resolvedOptions().timeZone]),
    );
  });
});

describe('sessions list tabs and search', () => {
  const make = (name: string, status: SessionStatus, code = 'ABCD') =>
    ({ id: name, name, status, assessmentTitle: 'Chemistry', enrollmentCode: code }) as SessionView;
  const sessions = [
    make('Morning', SessionStatus.Scheduled),
    make('Noon', SessionStatus.Open, 'NOON12'),
    make('Live', SessionStatus.Paused),
    make('Old', SessionStatus.Cancelled),
  ];

  it('puts scheduled and open in Upcoming, running in Active, ended and cancelled in Past', () => {
    expect(sessionsOfTab(sessions, 'upcoming', '').map((s) => s.name)).toEqual(['Morning', 'Noon']);
    expect(sessionsOfTab(sessions, 'active', '').map((s) => s.name)).toEqual(['Live']);
    expect(sessionsOfTab(sessions, 'past', '').map((s) => s.name)).toEqual(['Old']);
  });

  it('searches name, assessment and code, ignoring case', () => {
    expect(sessionsOfTab(sessions, 'upcoming', 'noon12').map((s) => s.name)).toEqual(['Noon']);
    expect(sessionsOfTab(sessions, 'upcoming', 'CHEM')).toHaveLength(2);
  });

  it('describes a scheduled start in the browser zone and the zone it was entered in', () => {
    const session = {
      scheduledAt: '2030-07-01T07:30:00.000Z',
      timeZone: 'Europe/Berlin',
      startedAt: null,
    } as unknown as SessionView;
    expect(describeStart(session, 'UTC')).toMatch(/7:30.*\(.*9:30.*Europe\/Berlin\)/);
    expect(describeStart({ scheduledAt: null, startedAt: null } as unknown as SessionView)).toBe('Flexible start');
  });
});
