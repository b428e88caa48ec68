import { provideHttpClient } from '@angular/common/http';
import type { TestRequest } from '@angular/common/http/testing';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AttachAttemptAck, AttemptView, ParticipantView, ResultView, SaveAnswerCommand } from '@invigil/contracts';
import {
  AttemptStatus,
  CertificateStatus,
  Events,
  ParticipantStatus,
  QuestionType,
  Role,
  SocketCommands,
} from '@invigil/contracts';
import { FakeSocket } from '../../../testing/fake-socket';
import { byTestId, queryTestId, settle, textOf } from '../../../testing/dom';
import { freshIndexedDb } from '../../../testing/indexeddb';
import { SOCKET_CONNECTOR } from '../../realtime/socket-connector';
import { ExamPage } from './exam-page';
import { at, first } from '../../../testing/items';

const me = {
  id: 'u1',
  orgId: 'o1',
  orgName: 'Org',
  email: 'cam@example.org',
  displayName: 'Cam',
  role: Role.Candidate,
};
const participation: ParticipantView = {
  id: 'p1',
  orgId: 'o1',
  sessionId: 's1',
  userId: 'u1',
  displayName: 'Cam',
  email: me.email,
  status: ParticipantStatus.InSession,
  joinedAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
};
const attempt: AttemptView = {
  id: 't1',
  sessionId: 's1',
  sessionName: 'Morning exam',
  status: AttemptStatus.InProgress,
  sections: [{ id: 'sec1', title: 'Basics' }],
  questions: [
    {
      id: 'q1',
      sectionId: 'sec1',
      type: QuestionType.SingleChoice,
      prompt: 'What is 2 + 2?',
      options: ['3', '4'],
      points: 1,
      maxWords: null,
    },
    {
      id: 'q2',
      sectionId: 'sec1',
      type: QuestionType.SingleChoice,
      prompt: 'Sky colour?',
      options: ['Blue', 'Green'],
      points: 1,
      maxWords: null,
    },
    {
      id: 'q3',
      sectionId: 'sec1',
      type: QuestionType.ShortText,
      prompt: 'Capital of France?',
      options: [],
      points: 1,
      maxWords: null,
    },
  ],
  answers: [],
  answeredCount: 0,
  remainingSeconds: 600,
  paused: false,
  pausedBy: null,
  timeOver: false,
  flaggedQuestionIds: [],
  currentQuestionId: null,
  liveViewId: null,
  security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
  submittedAt: null,
  autoSubmitted: false,
  sessionNotice: { message: null, resumesAt: null, graceEndsAt: null },
};
const clock = { orgId: 'o1', sessionId: 's1', attemptId: 't1', userId: 'u1' };

describe('ExamPage', () => {
  let http: HttpTestingController;
  let socket: FakeSocket;
  let fixture: ComponentFixture<ExamPage>;
  let served: AttemptView;

  /** IndexedDB and promise callbacks finish, then change detection. */
  async function settleAll(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(fixture);
  }

  /** The one request to this URL, once the page has sent it (the page first reads IndexedDB, which takes a while). */
  async function nextRequest(url: string): Promise<TestRequest> {
    for (let waited = 0; waited < 3_000; waited += 10) {
      const requests = http.match(url);
      if (requests.length > 1) throw new Error(`Expected one request to ${url}, got ${requests.length}`);
      if (requests.length === 1) return first(requests);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`The page never requested ${url}`);
  }

  /** Opens the exam page as a (re)loaded tab does: participations, messages, attempt, then the attach. */
  async function openPage(view: AttemptView = attempt): Promise<void> {
    served = view;
    fixture = TestBed.createComponent(ExamPage);
    fixture.componentRef.setInput('sessionId', 's1');
    await fixture.whenStable();
    for (const request of http.match('/api/me/participations')) request.flush([participation]);
    for (const request of http.match('/api/sessions/s1/messages')) request.flush([]);
    (await nextRequest('/api/sessions/s1/attempt')).flush(view);
    await settleAll();
    socket.serverConnects();
    await settleAll();
    // The confirmed watch reloads the status, as after any reconnect.
    for (const request of http.match('/api/me/participations')) request.flush([participation]);
    for (const request of http.match('/api/sessions/s1/messages')) request.flush([]);
    await settleAll();
  }

  const saves = () => socket.unanswered.filter((request) => request.event === SocketCommands.saveAnswer);
  const attaches = () => socket.emitted.filter((sent) => sent.event === SocketCommands.attachAttempt);
  const ackSave = (index = 0) => {
    const request = at(saves(), index);
    const { questionId, clientSeq } = request.payload as SaveAnswerCommand;
    request.answer({
      ok: true,
      questionId,
      clientSeq,
      storedSeq: clientSeq,
      answeredCount: 1,
      savedAt: new Date().toISOString(),
    });
  };
  const choose = (question: number, option: number) =>
    byTestId<HTMLInputElement>(fixture, `exam-question-${question}-option-${option}`).click();

  beforeEach(() => {
    freshIndexedDb();
    sessionStorage.clear();
    localStorage.setItem('invigil.session', JSON.stringify({ accessToken: 'token', user: me }));
    socket = new FakeSocket();
    socket.handlers.set(SocketCommands.attachAttempt, (): AttachAttemptAck => ({
      ok: true,
      attached: true,
      attempt: served,
    }));
    TestBed.configureTestingModule({
      imports: [ExamPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SOCKET_CONNECTOR, useValue: () => socket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // Position reports and the waiting room's schedule request are not what these tests look at.
    for (const request of http.match((r) => r.url.endsWith('/attempt/position'))) request.flush(null);
    for (const request of http.match('/api/sessions/s1')) request.flush({ scheduledAt: null });
    // The messages panel's own requests (its tests are in ask-proctor.spec.ts).
    for (const request of http.match((r) => r.url.startsWith('/api/sessions/s1/messages'))) request.flush([]);
    for (const request of http.match('/api/sessions/s1/hands')) request.flush([]);
    http.verify();
    localStorage.clear();
  });

  it("attaches as this tab's view and shows one question at a time with the server's clock", async () => {
    await openPage();

    expect(first(attaches()).payload).toEqual({
      sessionId: 's1',
      viewId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      takeover: false,
    });
    expect(textOf(fixture, 'my-status')).toBe('In Session');
    expect(queryTestId(fixture, 'exam-question-0')).not.toBeNull();
    expect(queryTestId(fixture, 'exam-question-1')).toBeNull();
    expect(textOf(fixture, 'answered-count')).toBe('0/3');
    expect(textOf(fixture, 'remaining-time')).toBe('10:00');
    expect(textOf(fixture, 'save-state')).toBe('Saved');
  });

  it('saves each answer over the socket at once: Saving… until acknowledged, Offline without a connection', async () => {
    await openPage();
    choose(0, 1);
    await settleAll();
    expect(textOf(fixture, 'save-state')).toBe('Saving…');
    expect(textOf(fixture, 'answered-count')).toBe('1/3');
    expect(first(saves()).payload).toEqual({
      sessionId: 's1',
      questionId: 'q1',
      viewId: expect.any(String),
      clientSeq: 1,
      answer: { selectedOption: 1 },
    });

    ackSave();
    await settleAll();
    expect(textOf(fixture, 'save-state')).toBe('Saved');

    socket.serverDrops();
    await settleAll();
    expect(textOf(fixture, 'save-state')).toBe('Offline');
  });

  it('keeps an answer made offline through a reload and sends it after attaching again', async () => {
    await openPage();
    socket.serverDrops();
    await settleAll();
    choose(0, 0);
    await settleAll();
    expect(saves()).toHaveLength(0);
    fixture.destroy();

    // The same tab loads the page again; its connection comes back with it.
    await openPage();

    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-0-option-0').checked).toBe(true);
    expect(saves().map((request) => request.payload)).toEqual([
      expect.objectContaining({ questionId: 'q1', clientSeq: 1, answer: { selectedOption: 0 } }),
    ]);
  });

  it('moves with the palette and previous/next, reports the position and keeps flags on the server', async () => {
    await openPage({ ...attempt, currentQuestionId: 'q2', flaggedQuestionIds: ['q3'] });
    expect(queryTestId(fixture, 'exam-question-1')).not.toBeNull();
    expect(byTestId(fixture, 'exam-palette-2').getAttribute('aria-label')).toBe('Question 3, not answered, flagged');
    expect(byTestId(fixture, 'exam-palette-1').getAttribute('aria-label')).toBe('Question 2, not answered, current');

    byTestId(fixture, 'exam-next').click();
    await settleAll();
    expect(queryTestId(fixture, 'exam-question-2')).not.toBeNull();
    http.expectOne({ method: 'PUT', url: '/api/sessions/s1/attempt/position' }).flush(null);

    byTestId(fixture, 'exam-palette-0').click();
    await settleAll();
    const position = http.expectOne({ method: 'PUT', url: '/api/sessions/s1/attempt/position' });
    expect(position.request.body).toEqual({ questionId: 'q1' });
    position.flush(null);

    byTestId(fixture, 'exam-flag').click();
    await settleAll();
    const flag = http.expectOne({ method: 'PUT', url: '/api/sessions/s1/attempt/flags/q1' });
    expect(flag.request.body).toEqual({ flagged: true });
    flag.flush({ flaggedQuestionIds: ['q1', 'q3'] });
    await settleAll();
    expect(byTestId(fixture, 'exam-palette-0').getAttribute('aria-label')).toBe(
      'Question 1, not answered, flagged, current',
    );
    expect(byTestId(fixture, 'exam-flag').getAttribute('aria-pressed')).toBe('true');
  });

  it("covers the exam while paused, with the clock stopped, and resumes with the server's time", async () => {
    await openPage();
    socket.push(Events.attemptPaused, { ...clock, remainingSeconds: 420, pausedBy: 'proctor' });
    await settleAll();
    const overlay = byTestId(fixture, 'paused-overlay');
    expect(overlay.getAttribute('role')).toBe('alertdialog');
    expect(overlay.contains(document.activeElement)).toBe(true);
    expect(textOf(fixture, 'remaining-time')).toBe('07:00');
    expect((fixture.nativeElement as HTMLElement).querySelector('.exam')?.hasAttribute('inert')).toBe(true);

    socket.push(Events.attemptResumed, { ...clock, remainingSeconds: 415 });
    await settleAll();
    expect(queryTestId(fixture, 'paused-overlay')).toBeNull();
    expect(textOf(fixture, 'remaining-time')).toBe('06:55');
  });

  it("shows the new start and the proctor's message while a rescheduled session waits, then continues", async () => {
    await openPage();
    const resumesAt = '2026-12-03T15:30:00.000Z';
    socket.push(Events.sessionRescheduled, {
      orgId: 'o1',
      sessionId: 's1',
      previousScheduledAt: null,
      scheduledAt: resumesAt,
      timeZone: 'UTC',
      whileRunning: true,
    });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({
      ...attempt,
      paused: true,
      pausedBy: 'session',
      remainingSeconds: 600,
      sessionNotice: { message: 'Power cut <b>B</b>', resumesAt, graceEndsAt: null },
    });
    await settleAll();
    expect(textOf(fixture, 'rescheduled-to')).toMatch(/^Session rescheduled to .*2026/);
    // Shown as text, never as HTML.
    expect(textOf(fixture, 'proctor-pause-message')).toBe('Message from your proctor: Power cut <b>B</b>');
    expect(textOf(fixture, 'remaining-time')).toBe('10:00');

    socket.push(Events.sessionResumed, { orgId: 'o1', sessionId: 's1', resumedAt: resumesAt });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({ ...attempt, remainingSeconds: 600 });
    await settleAll();
    expect(queryTestId(fixture, 'rescheduled-overlay')).toBeNull();
    expect(textOf(fixture, 'exam-question-0')).toContain('What is 2 + 2?');
  });

  it("counts End Session's grace down while the candidate may still answer, then says the proctor ended it", async () => {
    await openPage();
    const graceEndsAt = new Date(Date.now() + 45_000).toISOString();
    socket.push(Events.sessionEnding, {
      orgId: 'o1',
      sessionId: 's1',
      endingAt: new Date().toISOString(),
      graceEndsAt,
      stillWriting: 1,
    });
    await settleAll();
    const notice = { message: null, resumesAt: null, graceEndsAt };
    (await nextRequest('/api/sessions/s1/attempt')).flush({ ...attempt, sessionNotice: notice });
    await settleAll();
    expect(textOf(fixture, 'ending-countdown')).toMatch(
      /^The proctor is ending the session: your answers are submitted in 0:4[45]\. You may keep answering/,
    );
    expect(byTestId<HTMLInputElement>(fixture, 'exam-question-0-option-1').disabled).toBe(false);

    socket.push(Events.attemptSubmitted, {
      ...clock,
      assessmentVersionId: 'v1',
      submittedAt: new Date().toISOString(),
      answers: [],
      automatic: true,
      endedBy: 'session_end',
    });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({
      ...attempt,
      status: AttemptStatus.Submitted,
      autoSubmitted: true,
      sessionNotice: notice,
    });
    http.expectOne('/api/sessions/s1/result').flush(null);
    await settleAll();
    expect(textOf(fixture, 'auto-submitted')).toContain('The proctor ended the session');
  });

  it('asks before taking over from another tab, then attaches with takeover', async () => {
    socket.handlers.set(SocketCommands.attachAttempt, (payload): AttachAttemptAck =>
      (payload as { takeover: boolean }).takeover
        ? { ok: true, attached: true, attempt: served }
        : { ok: true, attached: false, reason: 'another-view-live' },
    );
    await openPage();
    expect(textOf(fixture, 'takeover-confirm')).toContain(
      'Your exam is open in another tab or device. Continue here? The other one will be closed.',
    );

    byTestId(fixture, 'takeover-continue').click();
    await settleAll();
    expect(attaches().map((sent) => (sent.payload as { takeover: boolean }).takeover)).toEqual([false, true]);
    expect(queryTestId(fixture, 'takeover-confirm')).toBeNull();
  });

  it('stops saving once another view took the exam over', async () => {
    await openPage();
    socket.push(Events.attemptViewTakenOver, {
      ...clock,
      viewId: 'another-view-id',
      previousViewId: null,
      at: new Date().toISOString(),
    });
    await settleAll();
    expect(textOf(fixture, 'taken-over')).toContain('This exam continues in another window or device');
    expect(byTestId<HTMLFieldSetElement>(fixture, 'exam-question-0').disabled).toBe(true);
  });

  it('says the time is over and locks the answers when the server refuses a save for that', async () => {
    await openPage();
    choose(0, 1);
    await settleAll();
    first(saves()).answer({
      ok: false,
      status: 409,
      message: 'The time for this exam is over; answers can no longer be saved.',
    });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({ ...attempt, remainingSeconds: 0, timeOver: true });
    await settleAll();

    expect(textOf(fixture, 'exam-error')).toContain('The time for this exam is over');
    expect(queryTestId(fixture, 'time-over')).not.toBeNull();
    expect(byTestId<HTMLFieldSetElement>(fixture, 'exam-question-0').disabled).toBe(true);
  });

  it('names unanswered and flagged questions before submitting, then shows Complete and the score', async () => {
    await openPage({ ...attempt, flaggedQuestionIds: ['q1'] });
    choose(0, 1);
    await settleAll();
    ackSave();
    await settleAll();

    byTestId(fixture, 'exam-submit').click();
    await settleAll();
    expect(textOf(fixture, 'unanswered-list')).toBe('Question 2: Sky colour?Question 3: Capital of France?');
    expect(textOf(fixture, 'flagged-list')).toBe('Question 1: What is 2 + 2?');

    byTestId(fixture, 'exam-confirm-submit').click();
    await settleAll();
    http
      .expectOne({ method: 'POST', url: '/api/sessions/s1/attempt/submit' })
      .flush({ ...attempt, status: AttemptStatus.Submitted });
    await settleAll();
    expect(textOf(fixture, 'my-status')).toBe('Complete');

    const result: ResultView = {
      id: 'r1',
      sessionId: 's1',
      userId: 'u1',
      released: true,
      questions: null,
      score: 2,
      maxScore: 3,
      percent: 67,
      passed: true,
      pendingReview: 0,
      awaitingReview: false,
      answersAwaitingReview: 0,
      scoredAt: new Date().toISOString(),
      certificate: { id: 'c1', status: CertificateStatus.Ready, verificationCode: '7K2M9QXD4RTA' },
    };
    http.expectOne('/api/sessions/s1/result').flush(result);
    await settleAll();
    expect(textOf(fixture, 'exam-result-score')).toBe('67%');
    // The certificate's code and its public verification link, beside the PDF and credential downloads.
    expect(textOf(fixture, 'certificate-code')).toBe('7K2M-9QXD-4RTA');
    expect(byTestId<HTMLAnchorElement>(fixture, 'certificate-verify-link').getAttribute('href')).toBe(
      '/verify/7K2M9QXD4RTA',
    );
  });

  it('says the time ran out when the deadline submitted the attempt', async () => {
    await openPage();
    socket.push(Events.attemptSubmitted, {
      ...clock,
      assessmentVersionId: 'v1',
      submittedAt: new Date().toISOString(),
      answers: [],
      automatic: true,
    });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({
      ...attempt,
      status: AttemptStatus.Submitted,
      autoSubmitted: true,
    });
    http.expectOne('/api/sessions/s1/result').flush(null);
    await settleAll();
    expect(textOf(fixture, 'auto-submitted')).toContain('Time ran out');
  });

  it('continues with the saved answers and the time given back when the proctor reopens the attempt', async () => {
    await openPage();
    socket.push(Events.attemptSubmitted, {
      ...clock,
      assessmentVersionId: 'v1',
      submittedAt: new Date().toISOString(),
      answers: [],
      automatic: true,
    });
    await settleAll();
    (await nextRequest('/api/sessions/s1/attempt')).flush({
      ...attempt,
      status: AttemptStatus.Submitted,
      autoSubmitted: true,
    });
    http.expectOne('/api/sessions/s1/result').flush(null);
    await settleAll();
    expect(queryTestId(fixture, 'auto-submitted')).not.toBeNull();

    served = {
      ...attempt,
      remainingSeconds: 900,
      answers: [{ questionId: 'q1', answer: { selectedOption: 1 }, clientSeq: 1 }],
    };
    const attachesBefore = attaches().length;
    socket.push(Events.attemptReopened, {
      ...clock,
      remainingSeconds: 900,
      actorId: 'proctor-1',
      reason: 'Power cut',
      minutes: 15,
      at: new Date().toISOString(),
    });
    await settleAll();
    expect(attaches()).toHaveLength(attachesBefore + 1);
    expect(queryTestId(fixture, 'auto-submitted')).toBeNull();
    expect(textOf(fixture, 'my-status')).toBe('In Session');
    expect(textOf(fixture, 'remaining-time')).toBe('15:00');
    expect(textOf(fixture, 'answered-count')).toBe('1/3');
  });

  it('waits in the waiting room until the session starts', async () => {
    fixture = TestBed.createComponent(ExamPage);
    fixture.componentRef.setInput('sessionId', 's1');
    await fixture.whenStable();
    http.expectOne('/api/me/participations').flush([{ ...participation, status: ParticipantStatus.Waiting }]);
    http.expectOne('/api/sessions/s1/messages').flush([]);
    await settleAll();
    expect(queryTestId(fixture, 'waiting-room')).not.toBeNull();
    for (const request of http.match('/api/sessions/s1/messages')) request.flush([]);
    const sentAt = new Date().toISOString();
    socket.push(Events.messageSent, {
      orgId: 'o1',
      sessionId: 's1',
      messageId: 'm1',
      kind: 'system',
      senderName: 'Invigil',
      body: 'The session has started.',
      sentAt,
    });
    await settleAll();
    // The push says something is new; the page fetches it (the push carries no order) and shows it.
    http.expectOne('/api/sessions/s1/messages').flush([
      {
        id: 'm1',
        seq: 1,
        sessionId: 's1',
        kind: 'system',
        senderRole: 'system',
        senderId: null,
        senderName: 'Invigil',
        body: 'The session has started.',
        sentAt,
        toUserId: null,
        recipientUserIds: null,
        receipts: [],
      },
    ]);
    await settleAll();
    expect(textOf(fixture, 'exam-messages')).toContain('The session has started.');
    expect(textOf(fixture, 'message-banner-text')).toBe('The session has started.');
    http.expectOne('/api/sessions/s1/messages/receipts').flush({ recorded: 1 });
  });
});
