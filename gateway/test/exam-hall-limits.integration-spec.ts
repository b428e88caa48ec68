import type { AssessmentView, ImportPreview, ImportResult, SessionView, AttemptView } from '@invigil/contracts';
import { QuestionType, Requests, SignalKind } from '@invigil/contracts';
import type { LocalStack } from '@invigil/local-stack';
import { DEMO_PASSWORD, DEMO_USERS } from '@invigil/server-seed';
import { RawNats, testDatabaseUrl, uniqueTag } from '@invigil/server-testing';
import { Client } from 'pg';
import { ApiClient, sessionBody } from './api-client';
import { startSuiteStack, stopSuiteStack } from './support-stack';

const tag = uniqueTag();
const HALL = 300;
const [, proctor, carla, chen] = DEMO_USERS;
const hallEmail = (i: number) => `hall-${i}-${tag}@school.test`;

/** Requests from one client address: the gateway trusts one proxy hop, as behind the ingress controller. */
const from = (address: string) => ({ 'x-forwarded-for': address });

function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/** Runs `task` for 0..count-1, `width` at a time. */
async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await task(i);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe('gateway: limits that suit an exam hall behind one address (two replicas, real servers)', () => {
  let stack: LocalStack;
  let staff: ApiClient;
  /** The hall's accounts are imported onto this session's roster. */
  let session: SessionView;
  /** The exam the hall joins with its code and takes. */
  let exam: SessionView;
  const gateway = (i: number) => stack.gatewayUrl(i % 2);

  const login = (i: number, email: string, password: string, address: string) =>
    new ApiClient(gateway(i)).call<{ accessToken: string; message: string }>(
      'POST',
      '/api/auth/login',
      { email, password },
      undefined,
      from(address),
    );

  /** The hall's accounts: imported onto the session's roster, then given the demo password (as a school would). */
  async function createHall(): Promise<void> {
    const rows = Array.from({ length: HALL }, (_, i) => `${hallEmail(i)},Hall ${i}`).join('\r\n');
    const form = new FormData();
    form.append('file', new Blob([`email,displayName\r\n${rows}\r\n`]), 'hall.csv');
    const upload = await fetch(`${gateway(0)}/api/sessions/${session.id}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.accessToken}` },
      body: form,
    });
    const preview = (await upload.json()) as ImportPreview;
    expect(preview).toMatchObject({ validRows: HALL, newAccounts: HALL });
    const commit = await staff.call<ImportResult>(
      'POST',
      `/api/sessions/${session.id}/import/${preview.uploadId}/commit`,
      { sendInvitation: false },
    );
    expect(commit.body).toMatchObject({ added: HALL, createdAccounts: HALL });
    const db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const schema = `"enrollment_${tag}"`;
      const updated = await db.query(
        `update ${schema}.user_account set password_hash =
           (select password_hash from ${schema}.user_account where email = $1) where email like $2`,
        [carla.email, `hall-%-${tag}@school.test`],
      );
      expect(updated.rowCount).toBe(HALL);
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    stack = await startSuiteStack(tag, `exam-hall-${tag}-0123456789abcdefghijklmn`, 2);
    staff = await ApiClient.signIn(gateway(0), proctor.email);
    const assessment = await staff.call<AssessmentView>('POST', '/api/assessments', {
      title: 'Hall',
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
    const create = async (name: string) =>
      (await staff.call<SessionView>('POST', '/api/sessions', sessionBody(name, assessment.body.id, 60))).body;
    session = await create('Hall');
    exam = await create('Exam');
    await createHall();
  }, 180_000);

  afterAll(() => stopSuiteStack(stack, tag));

  it('locks one account after five wrong passwords, on every replica, with the time to retry', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await login(i, chen.email, 'not-the-password', '198.51.100.10');
      expect(wrong.status).toBe(401);
    }
    const refused = await fetch(`${gateway(1)}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('198.51.100.11') },
      body: JSON.stringify({ email: chen.email, password: DEMO_PASSWORD }),
    });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Too many sign-in attempts for this account; try again in 2 minutes.',
    );
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(100);
    expect((await login(0, carla.email, DEMO_PASSWORD, '198.51.100.10')).status).toBe(200);
  });

  it('limits failed sign-ins from one address (a password spray), not from others', async () => {
    const spray = await pool(30, 10, (i) => login(i, `nobody-${i}@school.test`, 'Summer2026!', '203.0.113.5'));
    expect(spray.map((r) => r.status)).toEqual(new Array(30).fill(401));
    const blocked = await login(1, hallEmail(0), DEMO_PASSWORD, '203.0.113.5');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(
      /^Too many failed sign-ins from your network address; try again in \d+ seconds?\.$/,
    );
    expect((await login(0, hallEmail(0), DEMO_PASSWORD, '203.0.113.6')).status).toBe(200);
  });

  it('lets 300 accounts sign in from one address within a minute, and never answers their exam traffic with 429', async () => {
    const hall = '192.0.2.44';
    const started = Date.now();
    const logins = await pool(HALL, 20, (i) => login(i, hallEmail(i), DEMO_PASSWORD, hall));
    const elapsed = Date.now() - started;
    expect(logins.filter((r) => r.status !== 200).map((r) => r.body.message)).toEqual([]);
    expect(elapsed).toBeLessThan(60_000);

    // Join, then (once started) open the exam, move to a question, report a signal, reload the profile: 1,500
    // signed-in requests from one address, more than RATE_LIMIT_PER_MINUTE (1,200), which counts per user.
    const candidates = logins.map((r, i) => new ApiClient(gateway(i), r.body.accessToken));
    const call = <T>(i: number, method: string, path: string, body?: unknown) =>
      at(candidates, i).call<T & { message?: string }>(method, path, body, undefined, from(hall));
    const joins = await pool(HALL, 20, (i) => call(i, 'POST', '/api/enrollment/join', { code: exam.enrollmentCode }));
    expect(joins.filter((r) => r.status !== 201).map((r) => r.body.message)).toEqual([]);
    expect((await staff.call('POST', `/api/sessions/${exam.id}/start`)).status).toBe(201);
    const statuses = await pool(HALL, 20, async (i) => {
      const attempt = await call<AttemptView>(i, 'GET', `/api/sessions/${exam.id}/attempt`);
      const questionId = attempt.body.questions?.[0]?.id;
      const moved = await call(i, 'PUT', `/api/sessions/${exam.id}/attempt/position`, { questionId });
      const signal = await call(i, 'POST', `/api/sessions/${exam.id}/signals`, {
        kind: SignalKind.TabHidden,
        occurredAt: new Date().toISOString(),
      });
      const me = await call(i, 'GET', '/api/auth/me');
      return [attempt, moved, signal, me].map((r) => `${r.status} ${r.body.message ?? ''}`.trim()).join(', ');
    });
    expect(new Set(statuses)).toEqual(new Set(['200, 200, 201, 200']));
  }, 180_000);

  it('counts anonymous requests per address across both replicas', async () => {
    const flood = await pool(1200, 20, (i) =>
      new ApiClient(gateway(i)).call('GET', '/api/dev/mail', undefined, undefined, from('198.51.100.77')),
    );
    expect(flood.filter((r) => r.status !== 200)).toEqual([]);
    const over = await new ApiClient(gateway(0)).call<{ message: string }>(
      'GET',
      '/api/dev/mail',
      undefined,
      undefined,
      from('198.51.100.77'),
    );
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/^Too many requests from your network address; slow down and try again in/);
    expect(over.body.message).not.toMatch(/ThrottlerException/);
    const elsewhere = await new ApiClient(gateway(1)).call(
      'GET',
      '/api/dev/mail',
      undefined,
      undefined,
      from('198.51.100.78'),
    );
    expect(elsewhere.status).toBe(200);
  }, 120_000);

  it('limits wrong enrollment codes per candidate and per address, with a clear message', async () => {
    const guesser = await ApiClient.signIn(gateway(0), carla.email);
    const join = (client: ApiClient, code: string, address: string) =>
      client.call<{ message: string }>('POST', '/api/enrollment/join', { code }, undefined, from(address));
    for (let i = 0; i < 10; i++) expect((await join(guesser, `ZZQX${i}Y`, '198.51.100.90')).status).toBe(404);
    const locked = await join(guesser, session.enrollmentCode, '198.51.100.91');
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe(
      'Too many wrong enrollment codes from your account; check the code with your proctor and try again in 10 minutes.',
    );

    const address = '198.51.100.92';
    const hallClients = await pool(11, 11, (i) => ApiClient.signIn(gateway(i), hallEmail(100 + i)));
    for (const client of hallClients.slice(0, 10)) {
      for (let i = 0; i < 10; i++) expect((await join(client, `QQXZ${i}Y`, address)).status).toBe(404);
    }
    const fromHall = await join(at(hallClients, 10), session.enrollmentCode, address);
    expect(fromHall.status).toBe(429);
    expect(fromHall.body.message).toMatch(/^Too many wrong enrollment codes from your network address/);
  }, 120_000);

  it('refuses a short or easily guessed custom enrollment code at session creation, over HTTP and NATS', async () => {
    const create = (enrollmentCode: string) =>
      staff.call<{ details: string[] }>(
        'POST',
        '/api/sessions',
        sessionBody('Weak', session.assessmentId, 30, { enrollmentCode }),
      );
    expect((await create('AB12')).body.details).toEqual([
      expect.stringMatching(/^enrollmentCode: enrollmentCode must be at least 6 characters long/),
    ]);
    expect((await create('123456')).body.details.join(' ')).toMatch(/digits only must be longer/);
    expect((await create('AAAAAA')).status).toBe(400);
    expect((await create('K7QM3X')).status).toBe(201);

    const nats = await RawNats.connect(tag);
    try {
      const reply = await nats.request(Requests.createSession, {
        orgId: session.orgId,
        actorId: proctor.id,
        settings: sessionBody('Weak over NATS', session.assessmentId, 30, { enrollmentCode: 'ABAB' }),
      });
      expect(reply.err?.details?.join(' ')).toMatch(/at least 6 characters/);
    } finally {
      await nats.close();
    }
  });
});
