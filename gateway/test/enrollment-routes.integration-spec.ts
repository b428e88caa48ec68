import type {
  ImportPreview,
  ImportResult,
  InvitationLoginResponse,
  ParticipantView,
  UserSearchPage,
} from '@invigil/contracts';
import { ParticipantStatus, Role } from '@invigil/contracts';
import type { ProcessSpec } from '@invigil/local-stack';
import { freePort, ManagedProcess, runToCompletion, waitUntilReady } from '@invigil/local-stack';
import { dropSchema, loadEnv } from '@invigil/server-platform';
import { DEMO_USERS } from '@invigil/server-seed';
import { RawNats, SessionsPeer, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningGateway } from '../src/bootstrap';
import { startGateway } from '../src/bootstrap';
import { GatewayEnv } from '../src/config/env';
import { ApiClient } from './api-client';
import { first } from '@invigil/server-testing';

const root = join(__dirname, '../..');

/**
 * The gateway's issue-3 routes in front of the real enrollment service (real PostgreSQL, NATS,
 * Redis); the sessions service is answered by a peer on the real NATS.
 */
describe('gateway: roster, invitations, dev outbox and import routes', () => {
  const tag = uniqueTag();
  const outbox = mkdtempSync(join(tmpdir(), 'invigil-gw-outbox-'));
  let enrollment: ManagedProcess;
  let gateway: RunningGateway;
  let nats: RawNats;
  let sessions: SessionsPeer;
  let base: string;
  let proctor: ApiClient;
  const [, proctorUser, candidate] = DEMO_USERS;

  beforeAll(async () => {
    // The real enrollment service as its own process (the sessions service is the peer below).
    const port = await freePort();
    const spec = (name: string, args: string[]): ProcessSpec => ({
      name,
      command: process.execPath,
      args: [join(root, 'tools/run-ts.js'), join(root, 'services/enrollment/src/main.ts'), ...args],
      env: {
        NODE_ENV: 'test',
        HTTP_PORT: String(port),
        DATABASE_URL: testDatabaseUrl(),
        DB_SCHEMA: `enrollment_${tag}`,
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: `invigil-${tag}`,
        LOG_LEVEL: 'warn',
        MAIL_OUTBOX_DIR: outbox,
        PUBLIC_URL: 'http://exams.test',
      },
      cwd: root,
      logFile: join(root, 'tmp/test-logs', tag, `${name}.log`),
    });
    await runToCompletion(spec('enrollment-migrate', ['migrate']));
    await runToCompletion(spec('enrollment-seed', ['seed']));
    enrollment = new ManagedProcess(spec('enrollment', []));
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, enrollment);
    nats = await RawNats.connect(tag);
    sessions = new SessionsPeer(nats);
    gateway = await startGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        HTTP_PORT: '0',
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: `${tag}.`,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: `enrollment-routes-${tag}-0123456789abcdefghij`,
        LOG_LEVEL: 'warn',
        MAIL_OUTBOX_DIR: outbox,
        METRICS_PORT: '0',
      }),
    );
    base = `http://127.0.0.1:${gateway.port}`;
    proctor = await ApiClient.signIn(base, proctorUser.email);
  });

  afterAll(async () => {
    await gateway?.app.close();
    sessions?.stop();
    await nats?.deleteStream();
    await nats?.close();
    await enrollment?.stop();
    await dropSchema(testDatabaseUrl(), `enrollment_${tag}`);
    rmSync(outbox, { recursive: true, force: true });
  });

  it('searches users, adds one with an invitation, lists it in the dev outbox, and the link signs the candidate in once', async () => {
    const search = await proctor.call<UserSearchPage>('GET', '/api/users?query=candidate&pageSize=2');
    expect(search.status).toBe(200);
    expect(search.body).toMatchObject({ total: 3, pageSize: 2, page: 1 });
    const session = sessions.put({ name: 'Gateway invite' });
    const added = await proctor.call<ParticipantView[]>('POST', `/api/sessions/${session.id}/participants`, {
      entries: [{ userId: candidate.id, timeLimitMinutes: 70 }],
      sendInvitation: true,
    });
    expect(added.status).toBe(201);
    expect(added.body[0]).toMatchObject({
      status: ParticipantStatus.Invited,
      timeLimitMinutes: 70,
      invitationSentAt: expect.any(String),
    });

    const mail = await new ApiClient(base).call<{ name: string; to: string; subject: string }[]>(
      'GET',
      '/api/dev/mail',
    );
    expect(mail.body).toEqual([
      expect.objectContaining({ to: candidate.email, subject: 'Invitation: Gateway invite' }),
    ]);
    const raw = await (await fetch(`${base}/api/dev/mail/${first(mail.body).name}`)).text();
    const [, token] = /http:\/\/exams\.test\/invite\/([A-Za-z0-9_-]+)/.exec(raw.replace(/=\r?\n/g, '')) ?? [];
    expect(token).toEqual(expect.any(String));
    const page = await (await fetch(`${base}/api/dev/mail/page`)).text();
    expect(page).toContain('Invitation: Gateway invite');

    const signedIn = await new ApiClient(base).call<InvitationLoginResponse>('POST', '/api/auth/invitation', { token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      sessionId: session.id,
      user: { id: candidate.id, role: Role.Candidate },
      accessToken: expect.any(String),
    });
    const again = await new ApiClient(base).call<{ message: string }>('POST', '/api/auth/invitation', { token });
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/already been used/);

    const asCandidate = new ApiClient(base, signedIn.body.accessToken);
    const joined = await asCandidate.call<ParticipantView>('POST', '/api/enrollment/join', {
      code: session.enrollmentCode,
    });
    expect(joined.body).toMatchObject({ status: ParticipantStatus.Waiting, timeLimitMinutes: 70 });
    // The candidate's own list names the session, so "My sessions" says which exam each one is.
    const mine = await asCandidate.call<ParticipantView[]>('GET', '/api/me/participations');
    expect(mine.body).toEqual([expect.objectContaining({ sessionId: session.id, sessionName: 'Gateway invite' })]);

    const removeRefused = await proctor.call<{ message: string }>(
      'PUT',
      `/api/sessions/${session.id}/participants/${joined.body.id}/time-limit`,
      { timeLimitMultiplier: 9 },
    );
    expect(removeRefused.status).toBe(400);
    const limited = await proctor.call<ParticipantView>(
      'PUT',
      `/api/sessions/${session.id}/participants/${joined.body.id}/time-limit`,
      { timeLimitMultiplier: 1.5 },
    );
    expect(limited.body).toMatchObject({ timeLimitMinutes: null, timeLimitMultiplier: 1.5 });
    const removed = await proctor.call<ParticipantView>(
      'DELETE',
      `/api/sessions/${session.id}/participants/${joined.body.id}`,
    );
    expect(removed.status).toBe(200);
    expect((await asCandidate.call('GET', '/api/users')).status).toBe(403);
  });

  async function upload(sessionId: string, name: string, bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${base}/api/sessions/${sessionId}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${proctor.accessToken}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as ImportPreview & { message: string } };
  }

  it('imports: template download, multipart upload with preview, confirm; refuses big, binary and empty files', async () => {
    const template = await fetch(`${base}/api/enrollment/import-template.csv`, {
      headers: { authorization: `Bearer ${proctor.accessToken}` },
    });
    expect(template.headers.get('content-disposition')).toContain('invigil-participants.csv');
    const csv = await template.text();
    expect(csv.split('\r\n')[0]).toBe('email,displayName,timeLimitMinutes,timeLimitMultiplier');
    const xlsx = await fetch(`${base}/api/enrollment/import-template.xlsx`, {
      headers: { authorization: `Bearer ${proctor.accessToken}` },
    });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const session = sessions.put({ name: 'Gateway import' });
    const preview = await upload(session.id, 'people.csv', Buffer.from(csv + 'bad-email,Bad,,\r\n'));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      totalRows: 4,
      validRows: 3,
      newAccounts: 3,
      issues: [{ row: 5, column: 'email' }],
    });
    const committed = await proctor.call<ImportResult>(
      'POST',
      `/api/sessions/${session.id}/import/${preview.body.uploadId}/commit`,
      { sendInvitation: false },
    );
    expect(committed.body).toMatchObject({ added: 3, createdAccounts: 3, skipped: 1 });

    const big = await upload(session.id, 'big.csv', Buffer.alloc(50 * 1024 * 1024, 0x61));
    expect(big.status).toBe(413);
    expect(big.body.message).toBe(
      'The file is larger than 5 MB; the import takes at most 5 MB. Split it into smaller files.',
    );
    const binary = await upload(session.id, 'photo.csv', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    expect(binary.status).toBe(400);
    expect(binary.body.message).toMatch(/binary data/);
    const empty = await upload(session.id, 'empty.csv', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/^The file is empty/);
  });
});
