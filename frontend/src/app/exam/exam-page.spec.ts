import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  AttemptStatus,
  AttemptView,
  CertificateStatus,
  Events,
  ParticipantStatus,
  ParticipantView,
  QuestionType,
  ResultView,
  Role,
} from '@invigil/contracts';
import { FakeSocket } from '../../testing/fake-socket';
import { byTestId, queryTestId, settle, textOf } from '../../testing/dom';
import { SOCKET_CONNECTOR } from '../realtime/socket-connector';
import { ExamPage } from './exam-page';

const me = { id: 'u1', orgId: 'o1', orgName: 'Org', email: 'cam@example.org', displayName: 'Cam', role: Role.Candidate };
const participation: ParticipantView = {
  id: 'p1',
  orgId: 'o1',
  sessionId: 's1',
  userId: 'u1',
  displayName: 'Cam',
  email: me.email,
  status: ParticipantStatus.Waiting,
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
    { id: 'q1', sectionId: 'sec1', type: QuestionType.SingleChoice, prompt: 'What is 2 + 2?', options: ['3', '4'], points: 1, maxWords: null },
    { id: 'q2', sectionId: 'sec1', type: QuestionType.SingleChoice, prompt: 'Sky colour?', options: ['Blue', 'Green'], points: 1, maxWords: null },
  ],
  answers: [],
  answeredCount: 0,
  remainingSeconds: 600,
  submittedAt: null,
};

describe('ExamPage', () => {
  let http: HttpTestingController;
  let socket: FakeSocket;
  let fixture: ComponentFixture<ExamPage>;

  beforeEach(async () => {
    localStorage.setItem('invigil.session', JSON.stringify({ accessToken: 'token', user: me }));
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      imports: [ExamPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SOCKET_CONNECTOR, useValue: () => socket }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ExamPage);
    fixture.componentRef.setInput('sessionId', 's1');
    await fixture.whenStable();
    http.expectOne('/api/me/participations').flush([participation]);
    http.expectOne('/api/sessions/s1/messages').flush([]);
    await settle(fixture);
  });

  afterEach(() => {
    // The waiting room asks for the session's scheduled start (issue 3); these tests do not look at it.
    for (const request of http.match('/api/sessions/s1')) request.flush({ scheduledAt: null });
    http.verify();
    localStorage.clear();
  });

  async function sessionStarts(): Promise<void> {
    socket.push(Events.sessionStarted, { orgId: 'o1', sessionId: 's1', name: 'Morning exam', startedAt: new Date().toISOString() });
    socket.push(Events.participantStatusChanged, {
      orgId: 'o1', sessionId: 's1', participantId: 'p1', userId: 'u1', from: ParticipantStatus.Waiting, to: ParticipantStatus.InSession,
    });
    http.expectOne('/api/sessions/s1/attempt').flush(attempt);
    await settle(fixture);
  }

  function choose(question: number, option: number): void {
    byTestId<HTMLInputElement>(fixture, `exam-question-${question}-option-${option}`).click();
  }

  it('waits in the waiting room until the session starts, then shows the questions', async () => {
    expect(textOf(fixture, 'my-status')).toBe('Waiting');
    expect(queryTestId(fixture, 'waiting-room')).not.toBeNull();

    await sessionStarts();

    expect(textOf(fixture, 'my-status')).toBe('In Session');
    expect(queryTestId(fixture, 'waiting-room')).toBeNull();
    expect(queryTestId(fixture, 'exam-question-1')).not.toBeNull();
    expect(textOf(fixture, 'answered-count')).toBe('0/2');
    expect(textOf(fixture, 'remaining-time')).toBe('10:00');
    expect(textOf(fixture, 'save-state')).toBe('Saved');
  });

  it('saves each answer at once and says Saving… until the server acknowledges, Offline when it cannot', async () => {
    await sessionStarts();
    choose(0, 1);
    await settle(fixture);
    expect(textOf(fixture, 'save-state')).toBe('Saving…');
    expect(textOf(fixture, 'answered-count')).toBe('1/2');

    const save = http.expectOne({ method: 'PUT', url: '/api/sessions/s1/attempt/answers/q1' });
    expect(save.request.body).toEqual({ clientSeq: 1, answer: { selectedOption: 1 } });
    save.flush({ questionId: 'q1', clientSeq: 1, storedSeq: 1, answeredCount: 1, savedAt: new Date().toISOString() });
    await settle(fixture);
    expect(textOf(fixture, 'save-state')).toBe('Saved');

    choose(1, 0);
    http.expectOne('/api/sessions/s1/attempt/answers/q2').error(new ProgressEvent('error'), { status: 0 });
    await settle(fixture);
    expect(textOf(fixture, 'save-state')).toBe('Offline');
  });

  it('names unanswered questions before submitting, then shows Complete and the score', async () => {
    await sessionStarts();
    choose(0, 1);
    http.expectOne('/api/sessions/s1/attempt/answers/q1').flush({ questionId: 'q1', clientSeq: 1, storedSeq: 1, answeredCount: 1, savedAt: '' });
    await settle(fixture);

    byTestId(fixture, 'exam-submit').click();
    await settle(fixture);
    expect(textOf(fixture, 'unanswered-list')).toBe('Question 2: Sky colour?');

    byTestId(fixture, 'exam-confirm-submit').click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempt/submit' }).flush({ ...attempt, status: AttemptStatus.Submitted });
    await settle(fixture);
    expect(textOf(fixture, 'my-status')).toBe('Complete');

    const result: ResultView = {
      id: 'r1', sessionId: 's1', userId: 'u1', score: 2, maxScore: 2, percent: 100, passed: true, pendingReview: 0, awaitingReview: false,
      scoredAt: new Date().toISOString(), certificate: { id: 'c1', status: CertificateStatus.Ready },
    };
    http.expectOne('/api/sessions/s1/result').flush(result);
    await settle(fixture);
    expect(textOf(fixture, 'exam-result-score')).toBe('100%');
    expect(queryTestId(fixture, 'certificate-download')).not.toBeNull();
  });

  it('shows messages from the proctor as they arrive', async () => {
    socket.push(Events.messageSent, {
      orgId: 'o1', sessionId: 's1', messageId: 'm1', kind: 'system', senderName: 'Invigil', body: 'The session has started.', sentAt: new Date().toISOString(),
    });
    await settle(fixture);
    expect(textOf(fixture, 'exam-messages')).toContain('The session has started.');
  });
});
