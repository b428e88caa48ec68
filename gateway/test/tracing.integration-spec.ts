import type { AssessmentView, AttemptView, ResultView, SessionView } from '@invigil/contracts';
import { QuestionType, ServiceNames } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { DEMO_USERS } from '@invigil/server-seed';
import {
  eventually,
  InMemoryOtlpCollector,
  RawNats,
  testDatabaseUrl,
  testNatsUrl,
  testRedisUrl,
  uniqueTag,
} from '@invigil/server-testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiClient, sessionBody } from './api-client';
import { first } from '@invigil/server-testing';

const root = join(__dirname, '../..');
const tag = uniqueTag();

describe("one trace from the browser's submit through gateway, sessions and scoring", () => {
  let stack: LocalStack;
  let collector: InMemoryOtlpCollector;

  beforeAll(async () => {
    collector = await InMemoryOtlpCollector.start();
    stack = await LocalStack.start({
      root,
      databaseUrl: testDatabaseUrl(),
      natsUrl: testNatsUrl(),
      redisUrl: testRedisUrl(),
      tag,
      gateways: 1,
      jwtSecret: `tracing-suite-${tag}-0123456789abcdefghijklmnop`,
      logDir: join(root, 'tmp/test-logs', tag),
      seed: true,
      logLevel: 'warn',
      extraEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await collector?.close();
    for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
    const nats = await RawNats.connect(tag);
    await nats.deleteStream();
    await nats.close();
  });

  it("carries the caller's traceparent across NATS and the outbox into PostgreSQL and every service", async () => {
    const url = stack.gatewayUrl();
    const proctor = await ApiClient.signIn(url, DEMO_USERS[1].email);
    const assessment = await proctor.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Traced',
      passingPercent: 0,
      sections: [
        {
          title: 'Only',
          questions: [
            { type: QuestionType.SingleChoice, prompt: 'Q', options: ['a', 'b'], correctOption: 0, points: 1 },
          ],
        },
      ],
    });
    const session = (
      await proctor.call<SessionView>('POST', '/api/sessions', sessionBody('Traced', assessment.body.id, 10))
    ).body;
    const candidate = await ApiClient.signIn(url, DEMO_USERS[3].email);
    expect((await candidate.call('POST', '/api/enrollment/join', { code: session.enrollmentCode })).status).toBe(201);
    expect((await proctor.call('POST', `/api/sessions/${session.id}/start`)).status).toBe(201);
    const attempt = await eventually(
      async () => {
        const response = await candidate.call<AttemptView>('GET', `/api/sessions/${session.id}/attempt`);
        return response.status === 200 ? response.body : undefined;
      },
      10_000,
      'the attempt to open',
    );
    await candidate.call('PUT', `/api/sessions/${session.id}/attempt/answers/${first(attempt.questions).id}`, {
      clientSeq: 1,
      answer: { selectedOption: 0 },
    });

    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const submitted = await candidate.call('POST', `/api/sessions/${session.id}/attempt/submit`, undefined, undefined, {
      traceparent,
    });
    expect(submitted.status).toBe(200);
    await eventually(
      async () =>
        (await candidate.call<ResultView | null>('GET', `/api/sessions/${session.id}/result`)).body ?? undefined,
      15_000,
      'the result',
    );

    // A parent span ends (and is exported) after its children: wait for the spans asserted on, not just any span.
    const awaited: [string, string][] = [
      ['gateway', 'nats request sessions.attempt.submit'],
      ['sessions', 'nats sessions.attempt.submit'],
      ['scoring', 'event sessions.attempt.submitted'],
      ['scoring', 'nats request sessions.assessment.scoring-key'],
      ['enrollment', 'event sessions.attempt.submitted'],
    ];
    const spans = await eventually(
      () => {
        const trace = collector.trace(traceId);
        return awaited.every(([service, name]) => trace.some((span) => span.service === service && span.name === name))
          ? trace
          : undefined;
      },
      20_000,
      'spans of gateway, sessions, scoring and enrollment in one trace',
    );

    const names = (service: string) => spans.filter((span) => span.service === service).map((span) => span.name);
    expect(names('gateway')).toEqual(expect.arrayContaining(['nats request sessions.attempt.submit']));
    expect(names('sessions')).toEqual(expect.arrayContaining(['nats sessions.attempt.submit']));
    expect(names('sessions').some((name) => /^(pg\.query|update|insert|select)/i.test(name))).toBe(true);
    expect(names('scoring')).toEqual(
      expect.arrayContaining(['event sessions.attempt.submitted', 'nats request sessions.assessment.scoring-key']),
    );
    expect(names('enrollment')).toEqual(expect.arrayContaining(['event sessions.attempt.submitted']));
  });
});
