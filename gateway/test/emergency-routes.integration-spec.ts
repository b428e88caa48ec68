import type { AssessmentView, SessionView } from '@invigil/contracts';
import { QuestionType, SessionStatus } from '@invigil/contracts';
import type { ManagedProcess } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_USERS } from '@invigil/server-seed';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient, sessionBody } from './api-client';
import { startServiceProcess } from './service-process';

/**
 * The emergency routes' bad input in front of the real enrollment (sign-in) and sessions services:
 * pause without a reason, reschedule to the past or of an ended session, End Session twice.
 */
describe('gateway: emergency procedure routes refuse bad input clearly', () => {
  const tag = uniqueTag();
  const services: ManagedProcess[] = [];
  let gateway: RunningGateway;
  let staff: ApiClient;
  let assessment: AssessmentView;
  const [, proctorUser] = DEMO_USERS;

  beforeAll(async () => {
    services.push(await startServiceProcess('enrollment', tag));
    services.push(await startServiceProcess('sessions', tag));
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `emergency-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        RATE_LIMIT_PER_MINUTE: '10000',
      }),
    );
    staff = await ApiClient.signIn(`http://127.0.0.1:${gateway.port}`, proctorUser.email);
    const created = await staff.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Emergencies',
      passingPercent: 50,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'A?', options: ['A', 'B'], correctOption: 0, points: 1 },
          ],
        },
      ],
    });
    expect(created.status).toBe(201);
    assessment = created.body;
  });

  afterAll(async () => {
    await gateway?.app.close();
    for (const service of services.reverse()) await service.stop();
    for (const name of ['enrollment', 'sessions']) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
    const nats = await RawNats.connect(tag);
    await nats.deleteStream();
    await nats.close();
  });

  async function startedSession(): Promise<SessionView> {
    const created = await staff.call<SessionView>('POST', '/api/sessions', sessionBody('Hall', assessment.id, 30));
    expect(created.status).toBe(201);
    expect((await staff.call('POST', `/api/sessions/${created.body.id}/start`)).status).toBe(201);
    return created.body;
  }

  it('refuses a pause without a reason or with an overlong message, naming the field', async () => {
    const session = await startedSession();
    const url = `/api/sessions/${session.id}/pause`;
    const bare = await staff.call<{ message: string; details?: string[] }>('POST', url, {});
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/reason is required: say why the session is paused/);
    const blank = await staff.call<{ message: string }>('POST', url, { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toMatch(/reason must not be empty/);
    const long = await staff.call('POST', url, { reason: 'Alarm', message: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/message must be at most 2000 characters/);
    const paused = await staff.call<SessionView>('POST', url, { reason: 'Alarm', message: 'Stay seated.' });
    expect(paused.status).toBe(201);
    expect(paused.body).toMatchObject({
      status: SessionStatus.Paused,
      pauseReason: 'Alarm',
      pauseMessage: 'Stay seated.',
    });
  });

  it('refuses a live reschedule to the past, with a malformed time, before the start or after the end', async () => {
    const session = await startedSession();
    const url = `/api/sessions/${session.id}/reschedule-live`;
    const malformed = await staff.call('POST', url, { startsAt: 'tomorrow at nine', reason: 'Outage' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/startsAt must be an ISO 8601 date and time/);
    const past = await staff.call<{ message: string }>('POST', url, {
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      reason: 'Outage',
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/^startsAt must be in the future/);
    expect((await staff.call<SessionView>('GET', `/api/sessions/${session.id}`)).body.status).toBe(
      SessionStatus.InProgress,
    );

    const ended = await staff.call<SessionView>('POST', `/api/sessions/${session.id}/end`);
    expect(ended.body.status).toBe(SessionStatus.Ended);
    const late = await staff.call<{ message: string }>('POST', url, {
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      reason: 'Outage',
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('The session "Hall" has ended; it cannot be rescheduled.');
    const twice = await staff.call<{ message: string }>('POST', `/api/sessions/${session.id}/end`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('The session "Hall" has ended; it cannot be ended again.');
  });
});
