import type {
  ParticipantView,
  ReleaseOutcome,
  ReleaseView,
  RequestSubject,
  ResultView,
  ReviewQueueView,
  SessionResultsView,
  SessionView,
  UserSearchPage,
} from '@invigil/contracts';
import { Events, ParticipantStatus, ReleasePolicy, Requests, Role, RpcErrorCode } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import type { Peer } from '@invigil/server-testing';
import { answerAsPeer, envelope, eventually, publishEnvelope, StreamWatcher } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { ReviewItem } from '../src/results/review-item.entity';
import { CARLA, CHEN, essaySubmission, ORG_ID, RUBRIC_KEY } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';
import { SmtpInbox } from './support/smtp-inbox';

const [ADMIN, PROCTOR] = DEMO_USERS;
const essayQuestion = RUBRIC_KEY.questions[2];
const PUBLIC_URL = 'http://exams.test';

/** Enrollment's roster and user search, and the session sessions serves, as far as release needs them. */
function startReleasePeers(suite: ScoringSuite): Peer<RequestSubject>[] {
  const nats = suite.nats;
  const participant = (user: (typeof DEMO_USERS)[number], sessionId: string): ParticipantView => ({
    id: randomUUID(),
    orgId: ORG_ID,
    sessionId,
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    status: ParticipantStatus.Complete,
    joinedAt: null,
    updatedAt: new Date().toISOString(),
  });
  return [
    answerAsPeer(nats, Requests.listParticipants, (request) =>
      [CARLA, CHEN].map((user) => participant(user, request.sessionId)),
    ),
    answerAsPeer(
      nats,
      Requests.getSession,
      (request) => ({ id: request.sessionId, name: 'Biology final', proctorId: PROCTOR.id }) as SessionView,
    ),
    answerAsPeer(nats, Requests.searchUsers, (): UserSearchPage => ({
      items: [{ id: ADMIN.id, email: ADMIN.email, displayName: ADMIN.displayName, role: Role.Admin, timeZone: 'UTC' }],
      total: 1,
      page: 1,
      pageSize: 100,
    })),
  ];
}

describe('release of results: policy, refusal, idempotence, mail, what candidates see (real PostgreSQL, NATS, Redis, SMTP)', () => {
  const inbox = new SmtpInbox();
  let smtpUrl = '';
  const suite = new ScoringSuite(() => ({ SMTP_URL: smtpUrl, PUBLIC_URL }));
  let stream: StreamWatcher;
  let peers: Peer<RequestSubject>[] = [];

  beforeAll(async () => {
    smtpUrl = await inbox.start();
    await suite.start(async (connection) => {
      stream = await StreamWatcher.start(connection);
    });
    peers = startReleasePeers(suite);
  });

  afterAll(async () => {
    stream?.stop();
    peers.forEach((peer) => peer.stop());
    await suite.stop();
    await inbox.stop();
  });

  async function ask<T>(subject: RequestSubject, body: object): Promise<T> {
    const reply = await suite.nats.request<T>(subject, body);
    if (reply.err) throw new Error(`${subject}: ${reply.err.message} ${(reply.err.details ?? []).join('; ')}`);
    return reply.response as T;
  }
  /** Mail to one address about one session (its links name the session). */
  const mailTo = (address: string, sessionId: string) => inbox.to(address).filter((mail) => mail.includes(sessionId));
  const resultOf = (userId: string, sessionId: string) =>
    ask<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId });
  const release = (sessionId: string) =>
    ask<ReleaseOutcome>(Requests.releaseResults, { orgId: ORG_ID, actorId: PROCTOR.id, sessionId });
  const settings = (sessionId: string, policy: ReleasePolicy, shown: object = {}) =>
    ask<ReleaseView>(Requests.updateReleaseSettings, {
      orgId: ORG_ID,
      actorId: PROCTOR.id,
      sessionId,
      policy,
      score: true,
      passFail: true,
      questionCorrectness: false,
      correctAnswers: false,
      feedback: true,
      ...shown,
    });

  async function submitted(userId: string, sessionId: string, options = {}): Promise<void> {
    await publishEnvelope(suite.nats, envelope(Events.attemptSubmitted, essaySubmission(userId, sessionId, options)));
    await eventually(async () => (await resultOf(userId, sessionId)) !== null, 10_000, 'the scored submission');
  }

  async function markEssay(userId: string, sessionId: string, points: number, feedback: string): Promise<void> {
    const item = await suite.db().findOneOrFail(ReviewItem, { sessionId, userId, questionId: essayQuestion?.id });
    await ask(Requests.markReviewItem, { orgId: ORG_ID, actorId: ADMIN.id, itemId: item.id, points, feedback });
  }

  it('holds results under after_reviews (the default), refuses a release while essays await review, and shows them once the last mark is in', async () => {
    const sessionId = randomUUID();
    await submitted(CARLA.id, sessionId);

    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({
      released: false,
      score: null,
      percent: null,
      passed: null,
      answersAwaitingReview: 1,
      questions: null,
    });
    const refused = (
      await suite.nats.request(Requests.releaseResults, { orgId: ORG_ID, actorId: PROCTOR.id, sessionId })
    ).err;
    expect(refused).toMatchObject({
      code: RpcErrorCode.Conflict,
      message:
        '1 answer awaits review, and this session releases results after every review: mark them first, or change the release policy to manual.',
    });
    expect((await ask<ReleaseView>(Requests.getRelease, { orgId: ORG_ID, sessionId })).releasedAt).toBeNull();

    await markEssay(CARLA.id, sessionId, 3, 'Name the gradient next time.');
    const shown = await resultOf(CARLA.id, sessionId);
    expect(shown).toMatchObject({ released: true, score: 5, maxScore: 6, passed: true });
    // Default visibility: the feedback, not which answers were right nor the key.
    expect(shown?.questions?.[2]).toMatchObject({ feedback: 'Name the gradient next time.', correct: null });
    expect(shown?.questions?.[0]).toMatchObject({ correct: null, correctAnswer: null });
    // The last mark released the session by itself: the same mail as the button, recorded with no actor.
    await eventually(async () => mailTo(CARLA.email, sessionId).length > 0, 15_000, 'the mail to Carla');
    await eventually(
      async () => stream.of(Events.resultsReleased).some((event) => event.data.sessionId === sessionId),
      10_000,
      'the release event',
    );
    expect(stream.of(Events.resultsReleased).find((e) => e.data.sessionId === sessionId)?.data.actorId).toBeNull();
    // A candidate who submits after that waits for their own marks.
    await submitted(CHEN.id, sessionId);
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({ released: false, score: null });
  });

  it('manual: held until the proctor releases; the release mails everyone once, reveals identities and is recorded; a second is a no-op', async () => {
    const sessionId = randomUUID();
    await settings(sessionId, ReleasePolicy.Manual, { questionCorrectness: true, correctAnswers: true, score: false });
    await submitted(CARLA.id, sessionId);
    await submitted(CHEN.id, sessionId, { shortText: 'diffusion' });
    await markEssay(CARLA.id, sessionId, 4, 'Excellent');
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ released: false, score: null });

    const outcome = await release(sessionId);
    expect(outcome).toMatchObject({ releasedNow: true, released: true, results: 2, releasedBy: PROCTOR.id });
    expect(outcome.message).toBe('Released to 2 candidates; they are being emailed.');

    const carla = await resultOf(CARLA.id, sessionId);
    expect(carla).toMatchObject({ released: true, score: null, percent: null, passed: true });
    expect(carla?.questions?.map((q) => [q.number, q.correct, q.correctAnswer])).toEqual([
      [1, true, 'A'],
      [2, true, 'osmosis'],
      [3, true, null],
    ]);
    // Released with Chen's essay still unmarked (manual allows it): provisional, and not passed.
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({
      released: true,
      passed: false,
      answersAwaitingReview: 1,
    });

    await eventually(async () => mailTo(ADMIN.email, sessionId).length > 0, 15_000, 'the summary to the admin');
    await eventually(async () => mailTo(CHEN.email, sessionId).length > 0, 15_000, 'the mail to Chen');
    const [carlaMail] = mailTo(CARLA.email, sessionId);
    expect(carlaMail).toMatch(/^Subject: Your result is available: Biology final$/m);
    expect(carlaMail).toContain(`${PUBLIC_URL}/exam/${sessionId}`);
    const [summary] = mailTo(PROCTOR.email, sessionId);
    expect(summary).toMatch(/^Subject: Results released: Biology final$/m);
    expect(summary).toContain('Passed: 1');
    expect(summary).toContain('Provisional (answers awaiting review): 1');
    expect(summary).toContain('Pass rate: 100 %');
    expect(summary).toContain(`${PUBLIC_URL}/proctor/sessions/${sessionId}/results`);

    const again = await release(sessionId);
    expect(again).toMatchObject({ releasedNow: false, releasedAt: outcome.releasedAt });
    expect(again.message).toMatch(/^These results were released on .+; nothing was sent again\.$/);

    const queue = await ask<ReviewQueueView>(Requests.listReviewQueue, { orgId: ORG_ID, sessionId });
    expect(queue.settings.identitiesRevealedAt).toBe(outcome.releasedAt);
    await eventually(
      async () => stream.of(Events.resultsReleased).some((event) => event.data.sessionId === sessionId),
      10_000,
      'the release event',
    );
    const events = stream.of(Events.resultsReleased).filter((event) => event.data.sessionId === sessionId);
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ actorId: PROCTOR.id, results: 2, passed: 1 }),
    ]);
    // The second release sent nothing: one notice per candidate.
    expect(mailTo(CARLA.email, sessionId)).toHaveLength(1);
  });

  it('immediately: shown as soon as scored, provisional scores included', async () => {
    const sessionId = randomUUID();
    await settings(sessionId, ReleasePolicy.Immediately);
    await submitted(CARLA.id, sessionId);
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ released: true, score: 2, answersAwaitingReview: 1 });
  });

  it('lists the results table for staff with names, filtered by outcome and review state', async () => {
    const sessionId = randomUUID();
    await submitted(CARLA.id, sessionId);
    await submitted(CHEN.id, sessionId);
    await markEssay(CARLA.id, sessionId, 4, 'Good');
    const table = (filters: object = {}) =>
      ask<SessionResultsView>(Requests.listSessionResults, { orgId: ORG_ID, sessionId, ...filters });

    const all = await table();
    expect(all.rows.map((row) => [row.displayName, row.score, row.passed, row.answersAwaitingReview])).toEqual([
      [CARLA.displayName, 6, true, 0],
      [CHEN.displayName, 2, false, 1],
    ]);
    expect(all.release).toMatchObject({
      policy: ReleasePolicy.AfterReviews,
      released: false,
      answersAwaitingReview: 1,
    });
    expect((await table({ review: 'provisional' })).rows.map((row) => row.displayName)).toEqual([CHEN.displayName]);
    expect((await table({ outcome: 'passed' })).rows.map((row) => row.displayName)).toEqual([CARLA.displayName]);
  });
});
