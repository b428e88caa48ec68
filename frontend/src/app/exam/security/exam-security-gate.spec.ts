import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  AttemptStatus,
  AttemptView,
  Events,
  IdentityStatus,
  Role,
  SecurityOptions,
  SignalKind,
} from '@invigil/contracts';
import { FakeSocket } from '../../../testing/fake-socket';
import { byTestId, queryTestId, settle, textOf } from '../../../testing/dom';
import { SOCKET_CONNECTOR } from '../../realtime/socket-connector';
import { ExamSecurityGate } from './exam-security-gate';

const me = {
  id: 'u1',
  orgId: 'o1',
  orgName: 'Org',
  email: 'cam@example.org',
  displayName: 'Cam',
  role: Role.Candidate,
};
const noSecurity: SecurityOptions = { browserLockdown: false, screenMonitoring: false, identityVerification: false };

function attemptWith(security: Partial<SecurityOptions>): AttemptView {
  return {
    id: 't1',
    sessionId: 's1',
    sessionName: 'Morning exam',
    status: AttemptStatus.InProgress,
    sections: [],
    questions: [],
    answers: [],
    answeredCount: 0,
    remainingSeconds: 600,
    paused: false,
    pausedBy: null,
    timeOver: false,
    flaggedQuestionIds: [],
    currentQuestionId: null,
    liveViewId: null,
    security: { ...noSecurity, ...security },
    submittedAt: null,
    autoSubmitted: false,
    sessionNotice: { message: null, resumesAt: null, graceEndsAt: null },
  };
}

@Component({
  imports: [ExamSecurityGate],
  template: `
    <app-exam-security-gate
      sessionId="s1"
      [identityStatus]="identityStatus()"
      [attempt]="attempt()"
      (identityApproved)="approvals = approvals + 1"
    >
      <p data-testid="exam-content">The questions</p>
    </app-exam-security-gate>
  `,
})
class Host {
  readonly identityStatus = signal<IdentityStatus | null>(IdentityStatus.NotRequired);
  readonly attempt = signal<AttemptView | null>(null);
  approvals = 0;
}

/** A shared screen as the browser hands it out: one video track that can end. */
class FakeTrack extends EventTarget {
  stopped = false;
  constructor(private readonly surface: string) {
    super();
  }
  getSettings() {
    return { displaySurface: this.surface };
  }
  stop() {
    this.stopped = true;
  }
}

function fakeStream(track: FakeTrack) {
  return { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

describe('ExamSecurityGate', () => {
  let http: HttpTestingController;
  let socket: FakeSocket;
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(() => {
    localStorage.setItem('invigil.session', JSON.stringify({ accessToken: 'token', user: me }));
    // jsdom plays no media; the shared screen's frames are the browser tests' business.
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SOCKET_CONNECTOR, useValue: () => socket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
  });

  afterEach(() => {
    Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
    Object.defineProperty(window.navigator, 'mediaDevices', { value: undefined, configurable: true });
    localStorage.clear();
    jest.restoreAllMocks();
  });

  const signalsSent = () =>
    http
      .match((request) => request.url === '/api/sessions/s1/signals')
      .map((request) => (request.request.body as { kind: SignalKind }).kind);

  it('shows the exam when the session asks for nothing', async () => {
    host.attempt.set(attemptWith({}));
    await settle(fixture);
    expect(textOf(fixture, 'exam-content')).toBe('The questions');
  });

  it('does not announce an approval that happened before the page loaded', async () => {
    host.identityStatus.set(IdentityStatus.Approved);
    host.attempt.set(attemptWith({ identityVerification: true }));
    await settle(fixture);
    expect(textOf(fixture, 'exam-content')).toBe('The questions');
    expect(host.approvals).toBe(0);
  });

  it('keeps the questions hidden while the proctor checks the photos, and opens them on approval', async () => {
    host.identityStatus.set(IdentityStatus.Submitted);
    host.attempt.set(attemptWith({ identityVerification: true }));
    await settle(fixture);
    expect(textOf(fixture, 'identity-waiting')).toContain('Waiting for your proctor');
    expect(queryTestId(fixture, 'exam-content')).toBeNull();

    socket.serverConnects();
    socket.push(Events.identityDecided, {
      orgId: 'o1',
      sessionId: 's1',
      userId: 'u1',
      participantId: 'p1',
      approved: true,
      decidedBy: 'u9',
      reason: null,
    });
    await settle(fixture);
    expect(textOf(fixture, 'exam-content')).toBe('The questions');
    expect(host.approvals).toBe(1);
  });

  it('shows why the photos were rejected and asks for new ones', async () => {
    host.identityStatus.set(IdentityStatus.Submitted);
    await settle(fixture);
    socket.serverConnects();
    socket.push(Events.identityDecided, {
      orgId: 'o1',
      sessionId: 's1',
      userId: 'u1',
      participantId: 'p1',
      approved: false,
      decidedBy: 'u9',
      reason: 'The ID photo is blurred',
    });
    await settle(fixture);
    expect(textOf(fixture, 'identity-rejected')).toContain('The ID photo is blurred');
    expect(byTestId(fixture, 'identity-submit')).toBeTruthy();
  });

  it('ignores a decision about another candidate', async () => {
    host.identityStatus.set(IdentityStatus.Submitted);
    await settle(fixture);
    socket.serverConnects();
    socket.push(Events.identityDecided, {
      orgId: 'o1',
      sessionId: 's1',
      userId: 'u2',
      participantId: 'p2',
      approved: true,
      decidedBy: 'u9',
      reason: null,
    });
    await settle(fixture);
    expect(queryTestId(fixture, 'identity-waiting')).not.toBeNull();
  });

  it('asks for photos in the waiting room and still shows the waiting room', async () => {
    host.identityStatus.set(IdentityStatus.Missing);
    await settle(fixture);
    expect(queryTestId(fixture, 'identity-step')).not.toBeNull();
    expect(queryTestId(fixture, 'exam-content')).not.toBeNull();
  });

  it('refuses a shared window, accepts the entire screen, and blocks and reports when sharing stops', async () => {
    const windowTrack = new FakeTrack('window');
    const screenTrack = new FakeTrack('monitor');
    const picks = [windowTrack, screenTrack];
    Object.defineProperty(window.navigator, 'mediaDevices', {
      value: { getDisplayMedia: async () => fakeStream(picks.shift() ?? screenTrack) },
      configurable: true,
    });
    host.attempt.set(attemptWith({ screenMonitoring: true }));
    await settle(fixture);
    expect(queryTestId(fixture, 'exam-content')).toBeNull();

    byTestId(fixture, 'screen-share-start').click();
    await settle(fixture);
    expect(textOf(fixture, 'screen-share-error')).toContain('entire screen');
    expect(windowTrack.stopped).toBe(true);

    byTestId(fixture, 'screen-share-start').click();
    await settle(fixture);
    expect(textOf(fixture, 'exam-content')).toBe('The questions');

    screenTrack.dispatchEvent(new Event('ended'));
    await settle(fixture);
    expect(textOf(fixture, 'screen-share-stopped')).toContain('stopped sharing');
    expect(queryTestId(fixture, 'exam-content')).toBeNull();
    expect(signalsSent()).toEqual([SignalKind.ScreenShareStopped]);
  });

  it('opens a lockdown exam only in fullscreen, then reports a tab switch and blocks when fullscreen ends', async () => {
    document.documentElement.requestFullscreen = async () => {
      Object.defineProperty(document, 'fullscreenElement', { value: document.documentElement, configurable: true });
      document.dispatchEvent(new Event('fullscreenchange'));
    };
    host.attempt.set(attemptWith({ browserLockdown: true }));
    await settle(fixture);
    expect(queryTestId(fixture, 'exam-content')).toBeNull();

    byTestId(fixture, 'enter-fullscreen').click();
    await settle(fixture);
    expect(textOf(fixture, 'exam-content')).toBe('The questions');

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
    document.dispatchEvent(new Event('fullscreenchange'));
    await settle(fixture);
    expect(textOf(fixture, 'fullscreen-exited')).toContain('You left full screen');
    expect(queryTestId(fixture, 'exam-content')).toBeNull();
    // Sent one at a time, in order: the second goes once the first is answered.
    const first = http.expectOne('/api/sessions/s1/signals');
    expect(first.request.body).toMatchObject({ kind: SignalKind.TabHidden });
    first.flush({});
    await settle(fixture);
    expect(signalsSent()).toEqual([SignalKind.FullscreenExited]);
  });
});
