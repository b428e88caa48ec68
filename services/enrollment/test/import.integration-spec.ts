import type { ImportPreview, ImportResult, ParticipantView } from '@invigil/contracts';
import { importUploadKey, ParticipantStatus, Requests, RpcErrorCode } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS, RIVAL_USERS } from '@invigil/server-seed';
import type { RawNats, RunningTestService } from '@invigil/server-testing';
import { SessionsPeer, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserAccount } from '../src/accounts/user.entity';
import type { EnrollmentEnv } from '../src/config/env';
import { startEnrollment, stopEnrollment } from './support/enrollment-under-test';
import { first } from '@invigil/server-testing';

describe('bulk roster import (real PostgreSQL, NATS, Redis)', () => {
  const tag = uniqueTag();
  const outbox = mkdtempSync(join(tmpdir(), 'invigil-import-'));
  let service: RunningTestService<EnrollmentEnv>;
  let nats: RawNats;
  let redis: Redis;
  let sessions: SessionsPeer;
  const proctor = DEMO_USERS[1];

  beforeAll(async () => {
    ({ service, nats } = await startEnrollment(tag, { MAIL_OUTBOX_DIR: outbox }));
    redis = new Redis(testRedisUrl());
    sessions = new SessionsPeer(nats);
  });

  afterAll(async () => {
    sessions?.stop();
    redis?.disconnect();
    await stopEnrollment({ service, nats });
    rmSync(outbox, { recursive: true, force: true });
  });

  async function upload(text: string | Buffer): Promise<string> {
    const key = importUploadKey(randomUUID());
    await redis.set(key, typeof text === 'string' ? Buffer.from(text) : text, 'EX', 600);
    return key;
  }
  const base = (sessionId: string, uploadKey: string, fileName = 'roster.csv') => ({
    orgId: DEMO_ORG.id,
    actorId: proctor.id,
    sessionId,
    uploadKey,
    fileName,
  });
  const preview = (sessionId: string, key: string, fileName?: string) =>
    nats.request<ImportPreview>(Requests.previewImport, base(sessionId, key, fileName), 30_000);
  const commit = (sessionId: string, key: string, sendInvitation = false) =>
    nats.request<ImportResult>(Requests.commitImport, { ...base(sessionId, key), sendInvitation }, 60_000);

  const file = [
    'displayName,email,timeLimitMultiplier',
    `Carla Candidate,${DEMO_USERS[2].email},1.5`,
    'New Person,new.person@example.com,',
    'Bad,not-an-email,',
    'Dupe,NEW.PERSON@example.com,',
    `Rival,${RIVAL_USERS[0].email},`,
    'Formula,=cmd@example.com,',
  ].join('\r\n');

  it('previews with a row-by-row report, then commits the valid rows, creating new candidates; a second import adds nobody', async () => {
    const session = sessions.put({});
    const key = await upload(file);
    const shown = await preview(session.id, key);
    expect(shown.err).toBeUndefined();
    expect(shown.response).toMatchObject({ totalRows: 6, validRows: 2, newAccounts: 1 });
    expect(shown.response!.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [4, 'email'],
      [5, 'email'],
      [6, 'email'],
      [7, 'email'],
    ]);
    expect(shown.response!.sample.map((row) => [row.email, row.newAccount])).toEqual([
      [DEMO_USERS[2].email, false],
      ['new.person@example.com', true],
    ]);
    // nothing written by the preview
    expect(
      (await nats.request<ParticipantView[]>(Requests.listParticipants, { orgId: DEMO_ORG.id, sessionId: session.id }))
        .response,
    ).toEqual([]);

    const done = await commit(session.id, key, true);
    expect(done.response).toMatchObject({ added: 2, createdAccounts: 1, skipped: 4 });
    const roster = (
      await nats.request<ParticipantView[]>(Requests.listParticipants, { orgId: DEMO_ORG.id, sessionId: session.id })
    ).response!;
    expect(roster.map((p) => [p.email, p.status, p.timeLimitMultiplier, Boolean(p.invitationSentAt)])).toEqual([
      [DEMO_USERS[2].email, ParticipantStatus.Invited, 1.5, true],
      ['new.person@example.com', ParticipantStatus.Invited, null, true],
    ]);
    const em = service.app.get(EntityManager).fork();
    const events = await em
      .getConnection()
      .execute<{ payload: { sessionId: string; invitationRequested: boolean } }[]>(
        `select payload from "${service.env.DB_SCHEMA}"."outbox" where subject = 'enrollment.participant.added' and payload->>'sessionId' = ?`,
        [session.id],
      );
    expect(events).toHaveLength(2);
    expect(first(events).payload).toMatchObject({ sessionId: session.id, invitationRequested: true });
    const created = await em.findOneOrFail(UserAccount, { email: 'new.person@example.com' });
    expect(created).toMatchObject({ orgId: DEMO_ORG.id, role: 'candidate', displayName: 'New Person' });

    const again = await commit(session.id, await upload(file));
    expect(again.response).toMatchObject({ added: 0, createdAccounts: 0, skipped: 6 });
    expect(again.response!.issues.filter((issue) => issue.reason.startsWith('already enrolled'))).toHaveLength(2);
  });

  it('stops at the session maximum and says which rows are over it', async () => {
    const session = sessions.put({ maxUsers: 2 });
    const key = await upload('email\na1@example.com\na2@example.com\na3@example.com\n');
    const result = await commit(session.id, key);
    expect(result.err).toBeUndefined();
    expect(result.response).toMatchObject({ added: 2, skipped: 1 });
    expect(result.response!.issues).toEqual([
      { row: 4, column: null, reason: 'over maximum users: the session has no places left for this row' },
    ]);
  });

  it('refuses an empty file, a binary renamed .csv, and an upload that expired, adding nobody', async () => {
    const session = sessions.put({});
    const empty = await preview(session.id, await upload(''));
    expect(empty.err).toMatchObject({
      code: RpcErrorCode.ValidationFailed,
      message: expect.stringMatching(/^The file is empty/),
    });
    const binary = await commit(session.id, await upload(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2])));
    expect(binary.err?.message).toMatch(/contains binary data/);
    const gone = await preview(session.id, importUploadKey(randomUUID()));
    expect(gone.err?.code).toBe(RpcErrorCode.NotFound);
    expect(
      (await nats.request<ParticipantView[]>(Requests.listParticipants, { orgId: DEMO_ORG.id, sessionId: session.id }))
        .response,
    ).toEqual([]);
  });
});
