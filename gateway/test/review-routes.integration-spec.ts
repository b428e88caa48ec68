import type { ResultView, ReviewItemView, ReviewQueueView, ScoringKeyView } from '@invigil/contracts';
import { Events, QuestionType, Requests, ReviewState } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_ORG, DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import type { Peer } from '@invigil/server-testing';
import {
  answerAsPeer,
  envelope,
  eventually,
  publishEnvelope,
  RawNats,
  SessionsPeer,
  testDatabaseUrl,
  testNatsUrl,
  testRedisUrl,
  uniqueTag,
} from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { startServiceProcess } from './service-process';

const essayId = randomUUID();
const key: ScoringKeyView = {
  assessmentVersionId: randomUUID(),
  title: 'Essay hall',
  passingPercent: 50,
  questions: [
    {
      id: essayId,
      type: QuestionType.Essay,
      points: 4,
      prompt: 'Explain osmosis',
      rubric: {
        criteria: [
          {
            title: 'Accuracy',
            levels: [
              { label: 'Wrong', points: 0 },
              { label: 'Right', points: 4 },
            ],
          },
        ],
      },
    },
  ],
};

/** The review routes in front of the real enrollment and scoring services; sessions is a peer. */
describe('gateway: review routes', () => {
  const tag = uniqueTag();
  const names = ['enrollment', 'scoring'] as const;
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let scoringKey: Peer<typeof Requests.getScoringKey>;
  let admin: ApiClient;
  let proctor: ApiClient;
  let carla: ApiClient;
  let rival: ApiClient;
  const [adminUser, proctorUser, carlaUser] = DEMO_USERS;
  const [rivalProctor] = RIVAL_USERS;

  beforeAll(async () => {
    for (const name of names) services.push(await startServiceProcess(name, tag));
    nats = await RawNats.connect(tag);
    sessions = new SessionsPeer(nats);
    scoringKey = answerAsPeer(nats, Requests.getScoringKey, () => key);
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `review-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
    admin = await ApiClient.signIn(base, adminUser.email);
    proctor = await ApiClient.signIn(base, proctorUser.email);
    carla = await ApiClient.signIn(base, carlaUser.email);
    rival = await ApiClient.signIn(base, rivalProctor.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    sessions?.stop();
    scoringKey?.stop();
    await nats?.deleteStream();
    await nats?.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of names) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  });

  it('lets the organization’s staff review blind and refuses bad marks, candidates and other organizations', async () => {
    const session = sessions.put({ name: 'Essay hall' });
    expect((await carla.call('POST', '/api/enrollment/join', { code: session.enrollmentCode })).status).toBe(201);
    await publishEnvelope(
      nats,
      envelope(Events.attemptSubmitted, {
        orgId: DEMO_ORG.id,
        sessionId: session.id,
        attemptId: randomUUID(),
        userId: carlaUser.id,
        assessmentVersionId: key.assessmentVersionId,
        submittedAt: new Date().toISOString(),
        answers: [{ questionId: essayId, answer: { text: 'Water crosses a membrane.' } }],
      }),
    );
    const url = `/api/sessions/${session.id}/review`;
    // Results shown as scored: the default policy would release (and reveal names) on the last mark.
    const release = {
      policy: 'immediately',
      score: true,
      passFail: true,
      questionCorrectness: false,
      correctAnswers: false,
      feedback: true,
    };
    expect((await proctor.call('PUT', `/api/sessions/${session.id}/release/settings`, release)).status).toBe(200);
    const queue = await eventually(
      async () => {
        const reply = await proctor.call<ReviewQueueView>('GET', `${url}?state=${ReviewState.NeedsReview}`);
        return reply.body.items?.length ? reply.body : undefined;
      },
      15_000,
      'the essay in the queue',
    );
    const itemId = queue.items[0]?.id ?? '';
    expect(JSON.stringify(queue)).not.toContain(carlaUser.displayName);

    const badState = await proctor.call<{ message: string }>('GET', `${url}?state=graded`);
    expect(badState.status).toBe(400);
    expect(badState.body.message).toMatch(/state must be one of: needs_review, reviewed, auto_scored/);
    expect((await carla.call('GET', url)).status).toBe(403);
    expect((await rival.call('GET', url)).status).toBe(404);
    expect((await rival.call('GET', `/api/review/items/${itemId}`)).status).toBe(404);
    expect((await rival.call('POST', `/api/review/items/${itemId}/mark`, { points: 1 })).status).toBe(404);

    const mark = (client: ApiClient, body: object) =>
      client.call<ReviewItemView & { message: string; details: string[] }>(
        'POST',
        `/api/review/items/${itemId}/mark`,
        body,
      );
    const above = await mark(proctor, { points: 5 });
    expect(above.status).toBe(400);
    expect(above.body.details).toEqual(["points: a mark cannot be above the question's 4 points"]);
    const noLevel = await mark(proctor, { rubricLevels: [3] });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body.details).toEqual(['rubricLevels.0: “Accuracy” has levels 0 to 1; there is no level 3']);
    expect((await mark(proctor, { points: 'four' })).status).toBe(400);
    expect((await mark(carla, { points: 1 })).status).toBe(403);

    // Revealing identities is an admin's decision.
    expect((await proctor.call('POST', `${url}/reveal-identities`)).status).toBe(403);
    const marked = await mark(proctor, { rubricLevels: [1], feedback: 'Right' });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ state: ReviewState.Reviewed, points: 4, candidate: { displayName: null } });
    expect((await admin.call('POST', `${url}/reveal-identities`)).status).toBe(200);
    const shown = await proctor.call<ReviewItemView>('GET', `/api/review/items/${itemId}`);
    expect(shown.body.candidate.displayName).toBe(carlaUser.displayName);

    const result = await carla.call<ResultView>('GET', `/api/sessions/${session.id}/result`);
    expect(result.body).toMatchObject({ score: 4, passed: true, answersAwaitingReview: 0 });
  });
});
