import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AttemptSummaryView, LiveParticipantUpdatedEvent, SessionView } from '@invigil/contracts';
import {
  AttemptStatus,
  EnrollmentMode,
  Events,
  ParticipantStatus,
  SessionStatus,
  StartMode,
  TimeLimitMode,
} from '@invigil/contracts';
import { FakeSocket } from '../../../testing/fake-socket';
import { byTestId, queryTestId, settle, textOf } from '../../../testing/dom';
import { SOCKET_CONNECTOR } from '../../realtime/socket-connector';
import { SessionPage } from './session-page';

/** Types into a field as a user would: the value, then the input event forms listen to. */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

const session: SessionView = {
  id: 's1',
  orgId: 'o1',
  name: 'Morning exam',
  assessmentId: 'a1',
  assessmentVersionId: 'v1',
  assessmentTitle: 'Arithmetic',
  proctorId: 'u0',
  enrollmentCode: 'K7MQ3X',
  durationMinutes: 30,
  startMode: StartMode.Flexible,
  scheduledAt: null,
  timeZone: 'Europe/Berlin',
  enrollmentMode: EnrollmentMode.Auto,
  maxUsers: null,
  lateEntry: false,
  lateEntryMinutes: null,
  timeLimitMode: TimeLimitMode.SessionWide,
  gracePeriodSeconds: 0,
  timeWarningMinutes: [10, 5, 1],
  security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
  status: SessionStatus.Open,
  questionCount: 2,
  startedAt: null,
  endedAt: null,
  createdAt: '2026-01-01T09:00:00.000Z',
  pauseReason: null,
  pauseMessage: null,
  resumesAt: null,
  graceEndsAt: null,
};

function update(overrides: Partial<LiveParticipantUpdatedEvent>): LiveParticipantUpdatedEvent {
  return {
    orgId: 'o1',
    sessionId: 's1',
    participantId: 'p1',
    userId: 'u1',
    displayName: 'Cam Candidate',
    status: ParticipantStatus.Waiting,
    answeredCount: 0,
    totalQuestions: 2,
    scorePercent: null,
    lastActivityAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('SessionPage', () => {
  let http: HttpTestingController;
  let socket: FakeSocket;
  let fixture: ComponentFixture<SessionPage>;

  beforeEach(async () => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      imports: [SessionPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SOCKET_CONNECTOR, useValue: () => socket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionPage);
    fixture.componentRef.setInput('id', 's1');
    await fixture.whenStable();
    http.expectOne('/api/sessions/s1').flush(session);
    http.expectOne('/api/sessions/s1/live').flush({ sessionId: 's1', participants: [], activity: [] });
    http.expectOne('/api/sessions/s1/signals').flush([]);
    await settle(fixture);
  });

  afterEach(() => {
    // Events that may change a clock reload the attempts; tests about other things ignore that.
    for (const request of http.match('/api/sessions/s1/attempts')) request.flush([]);
    // The record panel loads its first page; its own spec tests it.
    for (const request of http.match((r) => r.url === '/api/sessions/s1/record'))
      request.flush({ entries: [], nextCursor: null, total: 0 });
    // So does the incidents panel (incidents-panel.spec tests it).
    for (const request of http.match('/api/sessions/s1/incidents')) request.flush([]);
    // The dashboard learns new rows' emails from the roster for its search; its own spec tests it.
    for (const request of http.match('/api/sessions/s1/participants')) request.flush([]);
    // The broadcast form's history and the raised hands load themselves; their own specs test them.
    for (const request of http.match((r) => r.url.startsWith('/api/sessions/s1/messages'))) request.flush([]);
    for (const request of http.match('/api/sessions/s1/hands')) request.flush([]);
    // The record panel names staff from the organization's proctors and admins.
    for (const request of http.match((r) => r.url === '/api/users'))
      request.flush({ items: [], total: 0, page: 1, pageSize: 100 });
    http.verify();
  });

  it('shows the code, the status and an enabled start button for an open session', () => {
    expect(textOf(fixture, 'session-enrollment-code')).toBe('K7MQ3X');
    expect(textOf(fixture, 'session-status')).toBe('Open');
    expect(byTestId<HTMLButtonElement>(fixture, 'session-start').disabled).toBe(false);
    expect(textOf(fixture, 'participant-count')).toBe('0 participants');
  });

  it('adds and then updates a roster row from live events, without reloading', async () => {
    socket.push(Events.liveParticipantUpdated, update({}));
    await settle(fixture);
    const row = () => byTestId(fixture, 'participant-row-u1');
    const cell = (testId: string) => row().querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
    expect(cell('participant-status')).toBe('Waiting');
    expect(textOf(fixture, 'participant-count')).toBe('1 participant');

    socket.push(Events.liveParticipantUpdated, update({ status: ParticipantStatus.InSession, answeredCount: 1 }));
    await settle(fixture);
    expect(cell('participant-status')).toBe('In Session');
    expect(cell('participant-answered')).toBe('1/2');
    expect(cell('participant-score')).toBe('—');

    socket.push(
      Events.liveParticipantUpdated,
      update({ status: ParticipantStatus.Complete, answeredCount: 2, scorePercent: 100 }),
    );
    await settle(fixture);
    expect(cell('participant-score')).toBe('100%');
    expect(fixture.nativeElement.querySelectorAll('[data-testid^="participant-row-"]')).toHaveLength(1);
    expect(textOf(fixture, 'activity-feed')).toMatch(/^\S+ Cam Candidate is now Complete, answered 2\/2, scored 100%/);
  });

  it('ignores events of other sessions', async () => {
    socket.push(Events.liveParticipantUpdated, update({ sessionId: 's2' }));
    await settle(fixture);
    expect(queryTestId(fixture, 'participant-row-u1')).toBeNull();
  });

  it('shows the session as in progress when it starts, and disables the start button', async () => {
    socket.push(Events.sessionStarted, {
      orgId: 'o1',
      sessionId: 's1',
      name: session.name,
      startedAt: new Date().toISOString(),
    });
    await settle(fixture);
    expect(textOf(fixture, 'session-status')).toBe('In Progress');
    expect(byTestId<HTMLButtonElement>(fixture, 'session-start').disabled).toBe(true);
    expect(textOf(fixture, 'activity-feed')).toContain('Session started');
  });

  it('reloads the roster after the socket (re)connects, to catch up on missed events', async () => {
    socket.serverConnects();
    http.expectOne('/api/sessions/s1').flush(session);
    http.expectOne('/api/sessions/s1/live').flush({
      sessionId: 's1',
      participants: [{ ...update({}), scorePercent: null }],
      activity: [{ at: '2026-01-01T09:30:00.000Z', text: 'Cam Candidate joined' }],
    });
    http.expectOne('/api/sessions/s1/signals').flush([]);
    await settle(fixture);
    expect(queryTestId(fixture, 'participant-row-u1')).not.toBeNull();
    expect(textOf(fixture, 'activity-feed')).toContain('Cam Candidate joined');
  });

  it('shows every setting and enables only the lifecycle buttons the state machine allows', () => {
    expect(textOf(fixture, 'setting-start')).toBe('Flexible (the proctor starts it)');
    expect(textOf(fixture, 'setting-time-zone')).toBe('Europe/Berlin');
    expect(textOf(fixture, 'setting-max-users')).toBe('No limit');
    expect(textOf(fixture, 'setting-security')).toBe('None');
    const disabled = (testId: string) => byTestId<HTMLButtonElement>(fixture, testId).disabled;
    expect([disabled('session-pause'), disabled('session-resume'), disabled('session-end')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([disabled('session-cancel'), disabled('session-reschedule')]).toEqual([false, false]);
  });

  it('pauses a running session through the gateway and shows the refusal of an illegal step', async () => {
    socket.push(Events.sessionStarted, {
      orgId: 'o1',
      sessionId: 's1',
      name: session.name,
      startedAt: new Date().toISOString(),
    });
    await settle(fixture);
    byTestId<HTMLButtonElement>(fixture, 'session-pause').click();
    await settle(fixture);
    type(byTestId<HTMLInputElement>(fixture, 'pause-reason'), 'Fire alarm');
    type(byTestId<HTMLTextAreaElement>(fixture, 'pause-message'), 'Please stay calm.');
    byTestId<HTMLButtonElement>(fixture, 'pause-confirm').click();
    const pause = http.expectOne('/api/sessions/s1/pause');
    expect(pause.request.method).toBe('POST');
    expect(pause.request.body).toEqual({ reason: 'Fire alarm', message: 'Please stay calm.' });
    pause.flush({ ...session, status: SessionStatus.Paused, pauseReason: 'Fire alarm' });
    await settle(fixture);
    expect(textOf(fixture, 'session-status')).toBe('Paused');
    expect(textOf(fixture, 'session-pause-reason')).toBe('Paused because: Fire alarm');
    expect(byTestId<HTMLButtonElement>(fixture, 'session-resume').disabled).toBe(false);
    byTestId<HTMLButtonElement>(fixture, 'session-end').click();
    await settle(fixture);
    expect(textOf(fixture, 'end-dialog-body')).toContain('Nobody is writing any more');
    byTestId<HTMLButtonElement>(fixture, 'end-confirm').click();
    http
      .expectOne('/api/sessions/s1/end')
      .flush(
        { statusCode: 409, message: 'The session "Morning exam" has ended; it cannot be ended again.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(textOf(fixture, 'emergency-error')).toContain('cannot be ended again');
  });

  it('asks before cancelling, then cancels', async () => {
    byTestId<HTMLButtonElement>(fixture, 'session-cancel').click();
    await settle(fixture);
    byTestId<HTMLButtonElement>(fixture, 'session-cancel-confirm').click();
    http.expectOne('/api/sessions/s1/cancel').flush({ ...session, status: SessionStatus.Cancelled });
    await settle(fixture);
    expect(textOf(fixture, 'session-status')).toBe('Cancelled');
  });

  it('reloads the session when another tab pauses it', async () => {
    socket.push(Events.sessionPaused, { orgId: 'o1', sessionId: 's1', pausedAt: new Date().toISOString() });
    await settle(fixture);
    http.expectOne('/api/sessions/s1').flush({ ...session, status: SessionStatus.Paused });
    await settle(fixture);
    expect(textOf(fixture, 'session-status')).toBe('Paused');
  });

  it("shows each candidate's remaining and disconnected time and pauses, resumes and extends one attempt", async () => {
    const clock: AttemptSummaryView = {
      attemptId: 't1',
      userId: 'u1',
      status: AttemptStatus.InProgress,
      paused: false,
      remainingSeconds: 1200,
      extensionMinutes: 0,
      disconnectedSeconds: 75,
      creditableSeconds: 75,
      connected: false,
      submittedAt: null,
      autoSubmitted: false,
    };
    socket.push(Events.liveParticipantUpdated, update({ status: ParticipantStatus.InSession }));
    socket.push(Events.sessionStarted, {
      orgId: 'o1',
      sessionId: 's1',
      name: session.name,
      startedAt: new Date().toISOString(),
    });
    http.expectOne('/api/sessions/s1/attempts').flush([clock]);
    await settle(fixture);
    const row = byTestId(fixture, 'participant-row-u1');
    const cell = (testId: string) =>
      row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(cell('participant-remaining')).toBe('20:00');
    expect(cell('participant-disconnected')).toBe('Disconnected Offline: 1 min 15 s');

    (row.querySelector('[data-testid="participant-pause"]') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/pause' }).flush({ ...clock, paused: true });
    await settle(fixture);
    expect(cell('participant-remaining')).toBe('20:00 (paused)');

    (row.querySelector('[data-testid="participant-resume"]') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/resume' }).flush(clock);
    await settle(fixture);

    const minutes = row.querySelector('[data-testid="participant-extend-minutes"]') as HTMLInputElement;
    minutes.value = '10';
    minutes.dispatchEvent(new Event('input'));
    await settle(fixture);
    (row.querySelector('[data-testid="participant-extend"]') as HTMLButtonElement).click();
    const extend = http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/extend' });
    expect(extend.request.body).toEqual({ minutes: 10 });
    extend.flush({ ...clock, remainingSeconds: 1800, extensionMinutes: 10 });
    await settle(fixture);
    expect(cell('participant-remaining')).toBe('30:00');
  });
});
