import type { RequestSubject, ResultView, ReviewItemView, ReviewQueueView } from '@invigil/contracts';
import { Events, Requests, ReviewState, RpcErrorCode } from '@invigil/contracts';
import type { RawNats } from '@invigil/server-testing';
import { envelope, eventually, publishEnvelope } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { ReviewItem } from '../src/results/review-item.entity';
import { CARLA, CHEN, essaySubmission, ORG_ID, releaseAsScored, RUBRIC_KEY } from './support/fixtures';
import { ScoringSuite } from './support/scoring-suite';

const [FIRST, SECOND, MODERATOR] = [randomUUID(), randomUUID(), randomUUID()];
const essayQuestion = RUBRIC_KEY.questions[2];

describe('double marking and moderation of essays (real PostgreSQL, NATS, Redis)', () => {
  const suite = new ScoringSuite();
  let nats: RawNats;

  beforeAll(async () => {
    await suite.start();
    nats = suite.nats;
  });

  afterAll(() => suite.stop());

  async function ask<T>(subject: RequestSubject, body: object): Promise<T> {
    const reply = await nats.request<T>(subject, body);
    if (reply.err) throw new Error(`${subject}: ${reply.err.message}`);
    return reply.response as T;
  }
  const mark = (itemId: string, actorId: string, body: object) =>
    nats.request<ReviewItemView>(Requests.markReviewItem, { orgId: ORG_ID, actorId, itemId, ...body });
  const item = (itemId: string) => ask<ReviewItemView>(Requests.getReviewItem, { orgId: ORG_ID, itemId });
  const resultOf = (userId: string, sessionId: string) =>
    ask<ResultView | null>(Requests.getMyResult, { orgId: ORG_ID, userId, sessionId });

  /** A session marked twice, 25% apart allowed (1 point of the essay's 4), with one candidate's essay submitted. */
  async function doubleMarkedEssay(userId: string): Promise<{ sessionId: string; itemId: string }> {
    const sessionId = randomUUID();
    const settings = await ask<{ doubleMarking: boolean }>(Requests.updateReviewSettings, {
      orgId: ORG_ID,
      actorId: FIRST,
      sessionId,
      doubleMarking: true,
      moderationThresholdPercent: 25,
    });
    expect(settings).toMatchObject({ doubleMarking: true, moderationThresholdPercent: 25 });
    await releaseAsScored(nats, sessionId);
    await publishEnvelope(nats, envelope(Events.attemptSubmitted, essaySubmission(userId, sessionId)));
    await eventually(async () => (await resultOf(userId, sessionId)) !== null, 10_000, 'the scored submission');
    const found = await suite.db().findOneOrFail(ReviewItem, { sessionId, userId, questionId: essayQuestion?.id });
    return { sessionId, itemId: found.id };
  }

  it('settles two close marks to their mean; the second is given blind and by someone else', async () => {
    const { sessionId, itemId } = await doubleMarkedEssay(CARLA.id);
    expect((await mark(itemId, FIRST, { points: 3, feedback: 'Good' })).response).toMatchObject({
      state: ReviewState.AwaitingSecondMark,
      points: null,
      feedback: null,
      marks: [],
    });
    // Blind: nobody sees the first mark while the second is awaited.
    expect(await item(itemId)).toMatchObject({ points: null, feedback: null, marks: [] });
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ answersAwaitingReview: 1, passed: false });
    const queue = await ask<ReviewQueueView>(Requests.listReviewQueue, {
      orgId: ORG_ID,
      sessionId,
      state: ReviewState.NeedsReview,
    });
    expect(queue.items.map((summary) => summary.state)).toEqual([ReviewState.AwaitingSecondMark]);

    const again = await mark(itemId, FIRST, { points: 3 });
    expect(again.err).toMatchObject({
      code: RpcErrorCode.Conflict,
      message: 'You gave this answer its first mark; another reviewer gives the second, blind.',
    });

    const settled = (await mark(itemId, SECOND, { points: 2, feedback: 'Name the gradient' })).response;
    // 3 and 2 are 1 point (25%) apart: the mean, 2.5, rounds to 3.
    expect(settled).toMatchObject({ state: ReviewState.Reviewed, points: 3, feedback: 'Good\n\nName the gradient' });
    expect(settled?.marks.map((given) => [given.role, given.points])).toEqual([
      ['first', 3],
      ['second', 2],
    ]);
    expect(await resultOf(CARLA.id, sessionId)).toMatchObject({ score: 5, answersAwaitingReview: 0, passed: true });
  });

  it('sends marks too far apart to a moderator who gave neither, whose mark stands', async () => {
    const { sessionId, itemId } = await doubleMarkedEssay(CHEN.id);
    await mark(itemId, FIRST, { points: 4 });
    expect((await mark(itemId, SECOND, { points: 0 })).response).toMatchObject({
      state: ReviewState.NeedsModeration,
      points: null,
    });
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({ answersAwaitingReview: 1, passed: false });
    // The moderator sees both marks.
    expect((await item(itemId)).marks.map((given) => given.points)).toEqual([4, 0]);
    expect((await mark(itemId, SECOND, { points: 1 })).err?.message).toBe(
      'You marked this answer; a reviewer who gave neither mark moderates it.',
    );

    expect((await mark(itemId, MODERATOR, { rubricLevels: [1, 1] })).response).toMatchObject({
      state: ReviewState.Reviewed,
      points: 3,
    });
    expect(await resultOf(CHEN.id, sessionId)).toMatchObject({ score: 5, passed: true });
    expect((await mark(itemId, randomUUID(), { points: 0 })).err?.message).toBe(
      'This answer is double marked and settled; its marks can no longer change.',
    );
  });

  it('refuses a threshold outside 0–100', async () => {
    const reply = await nats.request(Requests.updateReviewSettings, {
      orgId: ORG_ID,
      actorId: FIRST,
      sessionId: randomUUID(),
      doubleMarking: true,
      moderationThresholdPercent: 150,
    });
    expect(reply.err?.code).toBe(RpcErrorCode.ValidationFailed);
  });
});
