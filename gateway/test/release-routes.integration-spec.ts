import type { ReleaseOutcome, ResultView, ScoringKeyView, SessionResultsView } from '@invigil/contracts';
import { Events, QuestionType, Requests } from '@invigil/contracts';
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

/** The release and results routes in front of the real enrollment and scoring services; sessions is a peer. */
describe('gateway: release and results routes', () => {
  const tag = uniqueTag();
  const names = ['enrollment', 'scoring'] as const;
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let scoringKey: Peer<typeof Requests.getScoringKey>;
  let proctor: ApiClient;
  let carla: ApiClient;
  let rival: ApiClient;
  const [, proctorUser, carlaUser] = DEMO_USERS;
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
        JWT_SECRET: `release-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    const base = `http://127.0.0.1:${gateway.port}`;
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

  const settings = (policy: unknown, shown: Record<string, unknown> = {}) => ({
    policy,
    score: true,
    passFail: true,
    questionCorrectness: false,
    correctAnswers: false,
    feedback: true,
    ...shown,
  });

  it('holds, refuses, releases once and exports for staff; 400 names the bad field, 403 for candidates, 404 for other organizations', async () => {
    const session = sessions.put({ name: 'Essay hall' });
    expect((await carla.call('POST', '/api/enrollment/join', { code: session.enrollmentCode })).status).toBe(201);
    const url = `/api/sessions/${session.id}`;

    const badPolicy = await proctor.call<{ message: string }>('PUT', `${url}/release/settings`, settings('later'));
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.message).toMatch(/policy must be one of: immediately, after_reviews, manual/);
    const badFlag = await proctor.call<{ message: string }>('PUT', `${url}/release/settings`, {
      ...settings('manual'),
      score: 'yes',
    });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.message).toMatch(/score must be true or false/);
    const badFilter = await proctor.call<{ message: string }>('GET', `${url}/results?outcome=maybe`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.message).toMatch(/outcome must be passed or failed/);
    expect((await carla.call('GET', `${url}/results`)).status).toBe(403);
    expect((await carla.call('POST', `${url}/release`)).status).toBe(403);
    expect((await rival.call('GET', `${url}/results`)).status).toBe(404);
    expect((await rival.call('POST', `${url}/release`)).status).toBe(404);

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
    await eventually(
      async () => (await proctor.call<SessionResultsView>('GET', `${url}/results`)).body.rows?.length === 1,
      15_000,
      'the scored result in the table',
    );
    const held = await carla.call<ResultView>('GET', `${url}/result`);
    expect(held.body).toMatchObject({ released: false, score: null });

    const refused = await proctor.call<{ message: string }>('POST', `${url}/release`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^1 answer awaits review/);

    expect((await proctor.call('PUT', `${url}/release/settings`, settings('manual'))).status).toBe(200);
    const released = await proctor.call<ReleaseOutcome>('POST', `${url}/release`);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ releasedNow: true, released: true, results: 1 });
    const again = await proctor.call<ReleaseOutcome>('POST', `${url}/release`);
    expect(again.body).toMatchObject({ releasedNow: false });
    expect((await carla.call<ResultView>('GET', `${url}/result`)).body).toMatchObject({ released: true, score: 0 });

    const csv = await fetch(`http://127.0.0.1:${gateway.port}${url}/results/export.csv`, {
      headers: { authorization: `Bearer ${proctor.accessToken ?? ''}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toContain(`"${carlaUser.displayName}","${carlaUser.email}","0","4","0","pending"`);
    const xlsx = await fetch(`http://127.0.0.1:${gateway.port}${url}/results/export.xlsx`, {
      headers: { authorization: `Bearer ${proctor.accessToken ?? ''}` },
    });
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect((await rival.call('GET', `${url}/results/export.csv`)).status).toBe(404);
  });
});
