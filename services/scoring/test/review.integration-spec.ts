import type { RequestSubject, ResultView, ReviewItemView, ReviewQueueView } from '@invigil/contracts';
import { CertificateStatus, Events, Requests, ReviewState, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope, StreamWatcher, waitUntilConsumed } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { ReviewItem } from '../src/results/review-item.entity';
import { CARLA, CHEN, CYRUS, essaySubmission, ORG_ID, releaseAsScored, RUBRIC_KEY } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';

const ADMIN_ID = randomUUID();
const [, shortQuestion, essayQuestion] = RUBRIC_KEY.questions;

describe('manual review of essays and short answers (real PostgreSQL, NATS, Redis)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;
  let stream: StreamWatcher;

  beforeAll(async () => {
    await suite.start(async (connection) => {
      stream = await StreamWatcher.start(connection);
    });
    nats = suite.nats;
  });

  afterAll(async () => {
    stream?.stop();
    await suite.stop();
  });

  async function ask<T>(subject: RequestSubject, body: object): Promise<T> {
    const reply = await nats.request<T>(subject, body);
    if (reply.err) throw new Error(`${subject}: ${reply.err.message} ${(reply.err.details ?? []).join('; ')}`);
    return reply.response as T;
  }
  const refusal = async (subject: RequestSubject, body: object) => (await nats.request(subject, body)).err;
  const queue = (sessionId: string, filters: object = {}) =>
    ask<ReviewQueueView>(Requests.listReviewQueue, { orgId: ORG_ID, sessionId, ...filters });
  const item = (itemId: string) => ask<ReviewItemView>(Requests.getReviewItem, { orgId: ORG_ID, itemId });
  const mark = (itemId: string, body: object) =>
    ask<ReviewItemView>(Requests.markReviewItem, { orgId: ORG_ID, actorId: ADMIN_ID, itemId, ...body });
  const resultOf = (userId: string, sessionId: string) =>
    ask<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId });

  /** Submits an essay attempt and waits until it is scored; returns the essay's review item. */
  async function submitted(userId: string, sessionId: string, options = {}): Promise<ReviewItemView> {
    await releaseAsScored(nats, sessionId);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, essaySubmission(userId, sessionId, options)));
    await eventually(async () => (await resultOf(userId, sessionId)) !== null, 10_000, 'the scored submission');
    const mine = await suite.db().findOneOrFail(ReviewItem, { sessionId, userId, questionId: essayQuestion?.id });
    return item(mine.id);
  }

  it('queues an essay for review, anonymously, and keeps the result provisional and unpassed', async () => {
    const sessionId = randomUUID();
    const essay = await submitted(CARLA.id, sessionId);

    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({
      score: 2,
      maxScore: 6,
      pendingReview: 4,
      answersAwaitingReview: 1,
      awaitingReview: true,
      passed: false,
      certificate: null,
    });
    const view = await queue(sessionId);
    expect(view.settings.identitiesRevealedAt).toBeNull();
    expect(view.questions).toEqual([
      expect.objectContaining({ questionNumber: 2, needsReview: 0, autoScored: 1, prompt: 'Name the process' }),
      expect.objectContaining({ questionNumber: 3, needsReview: 1, reviewed: 0, prompt: 'Explain osmosis' }),
    ]);
    expect(view.candidates).toEqual([expect.objectContaining({ needsReview: 1, autoScored: 1, displayName: null })]);
    expect((await queue(sessionId, { state: ReviewState.NeedsReview })).items).toHaveLength(1);
    expect((await queue(sessionId, { state: ReviewState.AutoScored })).items).toHaveLength(1);

    expect(essay).toMatchObject({
      state: ReviewState.NeedsReview,
      maxPoints: 4,
      prompt: 'Explain osmosis',
      answerText: 'Water moves <b>across</b> a membrane.',
      reviewerGuidance: 'Look for a membrane and a concentration gradient',
      rubric: essayQuestion?.type === 'essay' ? essayQuestion.rubric : null,
      candidate: { displayName: null },
    });
    expect(essay.candidate.pseudonym).toMatch(/^Candidate [0-9A-F]{6}$/);
    expect(JSON.stringify(await queue(sessionId))).not.toContain(CARLA.displayName);
  });

  it('refuses a mark above the maximum, below zero, with a level that does not exist, or of another organization, writing nothing', async () => {
    const sessionId = randomUUID();
    const essay = await submitted(CHEN.id, sessionId);
    const markOf = (body: object) =>
      refusal(Requests.markReviewItem, { orgId: ORG_ID, actorId: ADMIN_ID, itemId: essay.id, ...body });

    expect(await markOf({ points: 5 })).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      details: ["points: a mark cannot be above the question's 4 points"],
    });
    expect((await markOf({ points: -1 }))?.details).toEqual(['points: a mark cannot be below 0 points']);
    expect((await markOf({ rubricLevels: [1, 7] }))?.details).toEqual([
      'rubricLevels.1: “Clarity” has levels 0 to 1; there is no level 7',
    ]);
    const otherOrg = await refusal(Requests.markReviewItem, {
      orgId: randomUUID(),
      actorId: ADMIN_ID,
      itemId: essay.id,
      points: 1,
    });
    expect(otherOrg?.code).toBe(RpcErrorCode.NotFound);
    expect((await refusal(Requests.getReviewItem, { orgId: randomUUID(), itemId: essay.id }))?.code).toBe(
      RpcErrorCode.NotFound,
    );

    expect(await item(essay.id)).toMatchObject({ state: ReviewState.NeedsReview, points: null, feedback: null });
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({ answersAwaitingReview: 1, passed: false });
  });

  it('decides the result with the last mark: rubric points in the score, passed, announced, and a certificate', async () => {
    const sessionId = randomUUID();
    const essay = await submitted(CYRUS.id, sessionId);

    const marked = await mark(essay.id, { rubricLevels: [1, 1], feedback: '  Good, but name the gradient.  ' });
    expect(marked).toMatchObject({
      state: ReviewState.Reviewed,
      points: 3,
      rubricLevels: [1, 1],
      feedback: 'Good, but name the gradient.',
      nextItemId: null,
    });
    // 1 (choice) + 1 (short answer) + 3 (essay) of 6.
    expect(await resultOf(CYRUS.id, sessionId)).toMatchObject({
      score: 5,
      percent: 83.3,
      pendingReview: 0,
      answersAwaitingReview: 0,
      awaitingReview: false,
      passed: true,
    });
    await eventually(
      async () => (await resultOf(CYRUS.id, sessionId))?.certificate?.status === CertificateStatus.Ready,
      20_000,
      'the certificate of the pass',
    );
    const announced = stream.of(Events.resultRecorded).filter((event) => event.data.sessionId === sessionId);
    expect(announced.map((event) => [event.data.passed, event.data.answersAwaitingReview])).toEqual([
      [false, 1],
      [true, 0],
    ]);
    expect((await queue(sessionId, { state: ReviewState.Reviewed })).items).toHaveLength(1);
  });

  it('lets a reviewer override a short answer, and points the reviewer to the next answer awaiting review', async () => {
    const sessionId = randomUUID();
    const first = await submitted(CARLA.id, sessionId);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, essaySubmission(CHEN.id, sessionId)));
    await eventually(async () => (await resultOf(CHEN.id, sessionId)) !== null, 10_000, 'the second submission');
    expect((await item(first.id)).nextItemId).not.toBeNull();

    const short = (
      await queue(sessionId, { questionId: shortQuestion?.id, candidateKey: first.candidate.candidateKey })
    ).items[0];
    await mark(short?.id ?? '', { points: 0, feedback: 'Spelling counts here' });
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ score: 1, answersAwaitingReview: 1 });
    await mark(first.id, { points: 2 });
    // 1 + 0 + 2 of 6 is 50%: the pass mark.
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ score: 3, percent: 50, passed: true });
  });

  it('keeps a mark through a reopening when the essay is unchanged, and asks again when it changed', async () => {
    const sessionId = randomUUID();
    const submittedAt = new Date(Date.now() - 60_000).toISOString();
    const attemptId = randomUUID();
    const essay = await submitted(CHEN.id, sessionId, { attemptId, submittedAt, essay: 'First draft' });
    await mark(essay.id, { points: 4 });

    const again = (minutes: number, text: string) =>
      essaySubmission(CHEN.id, sessionId, {
        attemptId,
        essay: text,
        submittedAt: new Date(Date.parse(submittedAt) + minutes * 1000).toISOString(),
      });
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, again(10, 'First draft')));
    await waitUntilConsumed(nats, 'scoring');
    expect(await item(essay.id)).toMatchObject({ state: ReviewState.Reviewed, points: 4 });

    await publishEnvelope(nats, envelope(Events.attemptSubmitted, again(20, 'A better second draft')));
    await waitUntilConsumed(nats, 'scoring');
    expect(await item(essay.id)).toMatchObject({ state: ReviewState.NeedsReview, points: null });
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({ answersAwaitingReview: 1, passed: false });
    expect(await suite.db().count(ReviewItem, { sessionId })).toBe(2);
  });

  it('keeps a feedback comment for the question, once, for reviewers to pick again', async () => {
    const sessionId = randomUUID();
    const first = await submitted(CARLA.id, sessionId);
    const second = await submitted(CYRUS.id, sessionId);
    await mark(first.id, { points: 2, feedback: 'Name the membrane.', saveComment: true });
    await mark(second.id, { points: 1, feedback: 'Name the membrane.', saveComment: true });
    await mark(second.id, { points: 1, feedback: 'A one-off remark' });
    expect((await item(second.id)).savedComments).toEqual(['Name the membrane.']);
    expect((await item(first.id)).feedback).toBe('Name the membrane.');
  });

  it('shows names once an admin reveals identities, and records the reveal once', async () => {
    const sessionId = randomUUID();
    const essay = await submitted(CYRUS.id, sessionId);
    const reveal = () =>
      ask<{ identitiesRevealedAt: string | null }>(Requests.revealReviewIdentities, {
        orgId: ORG_ID,
        actorId: ADMIN_ID,
        sessionId,
      });
    const revealed = await reveal();
    expect(revealed.identitiesRevealedAt).not.toBeNull();
    expect((await reveal()).identitiesRevealedAt).toBe(revealed.identitiesRevealedAt);

    expect((await item(essay.id)).candidate).toMatchObject({
      displayName: CYRUS.displayName,
      pseudonym: essay.candidate.pseudonym,
    });
    expect((await queue(sessionId)).candidates[0]?.displayName).toBe(CYRUS.displayName);
    await eventually(
      async () => stream.of(Events.reviewIdentitiesRevealed).some((event) => event.data.sessionId === sessionId),
      10_000,
      'the reveal event',
    );
    expect(
      stream.of(Events.reviewIdentitiesRevealed).filter((event) => event.data.sessionId === sessionId),
    ).toHaveLength(1);
  });
});
