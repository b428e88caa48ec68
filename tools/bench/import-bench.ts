// npm run bench:import — figures for issue 3 (a benchmark, not a test): preview and commit of a
// 10,000-row CSV import, and 50 candidates joining one 10-seat session at the same moment.
// Runs the real enrollment service against this machine's PostgreSQL, NATS and Redis in a
// throw-away schema; the sessions service is answered by a peer on the real NATS.
import { ImportPreview, ImportResult, importUploadKey, ParticipantView, Requests } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { RawNats, SessionsPeer, startTestService, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserAccount } from '../../services/enrollment/src/accounts/user.entity';
import { EnrollmentModule } from '../../services/enrollment/src/app.module';
import { EnrollmentEnv } from '../../services/enrollment/src/config/env';
import { enrollmentEntities } from '../../services/enrollment/src/entities';
import { enrollmentMigrations } from '../../services/enrollment/src/migrations';
import { seedDemoAccounts } from '../../services/enrollment/src/seed/demo-seed';

const ROWS = 10_000;

async function main(): Promise<void> {
  const tag = uniqueTag();
  const outbox = mkdtempSync(join(tmpdir(), 'invigil-bench-'));
  const service = await startTestService({
    service: 'enrollment',
    envClass: EnrollmentEnv,
    rootModule: (env) => EnrollmentModule.forRoot(env),
    entities: enrollmentEntities,
    migrations: enrollmentMigrations,
    tag,
    extraEnv: { MAIL_OUTBOX_DIR: outbox, LOG_LEVEL: 'error' },
  });
  const nats = await RawNats.connect(tag);
  const redis = new Redis(testRedisUrl());
  const sessions = new SessionsPeer(nats);
  try {
    await seedDemoAccounts(service.app.get(EntityManager).fork());
    const lines = ['email,displayName,timeLimitMinutes,timeLimitMultiplier'];
    for (let i = 0; i < ROWS; i++)
      lines.push(
        `bench${i}.${tag}@example.com,Bench Candidate ${i},${i % 3 === 0 ? 90 : ''},${i % 3 === 1 ? 1.5 : ''}`,
      );
    const csv = Buffer.from(lines.join('\r\n') + '\r\n');
    const uploadKey = importUploadKey(randomUUID());
    await redis.set(uploadKey, csv, 'EX', 600);
    const session = sessions.put({ name: 'Bench import' });
    const request = {
      orgId: DEMO_ORG.id,
      actorId: DEMO_USERS[1].id,
      sessionId: session.id,
      uploadKey,
      fileName: 'bench.csv',
    };

    let started = performance.now();
    const preview = await nats.request<ImportPreview>(Requests.previewImport, request, 120_000);
    const previewMs = performance.now() - started;
    if (preview.err) throw new Error(JSON.stringify(preview.err));
    started = performance.now();
    const commit = await nats.request<ImportResult>(
      Requests.commitImport,
      { ...request, sendInvitation: false },
      120_000,
    );
    const commitMs = performance.now() - started;
    if (commit.err) throw new Error(JSON.stringify(commit.err));

    const em = service.app.get(EntityManager).fork();
    const candidates = await em.find(
      UserAccount,
      { email: { $like: `bench%.${tag}@example.com` } },
      { limit: 50, fields: ['id'] },
    );
    const seated = sessions.put({ name: 'Bench seats', maxUsers: 10 });
    started = performance.now();
    const joins = await Promise.all(
      candidates.map((user) =>
        nats.request<ParticipantView>(
          Requests.joinWithCode,
          { orgId: DEMO_ORG.id, userId: user.id, code: seated.enrollmentCode },
          60_000,
        ),
      ),
    );
    const joinMs = performance.now() - started;
    const enrolled = joins.filter((reply) => reply.response).length;
    const full = joins.filter((reply) => reply.err?.message.includes('is full')).length;

    console.log(`cores: ${require('node:os').cpus().length}, node ${process.version}`);
    console.log(
      `import preview, ${ROWS} rows (${(csv.length / 1024).toFixed(0)} KiB CSV): ${(previewMs / 1000).toFixed(2)} s (${preview.response!.validRows} valid, ${preview.response!.issues.length} issues)   [target < 3 s]`,
    );
    console.log(
      `import commit,  ${ROWS} rows: ${(commitMs / 1000).toFixed(2)} s (${commit.response!.added} added, ${commit.response!.createdAccounts} accounts created)   [target < 5 s]`,
    );
    console.log(
      `50 concurrent joins to a 10-seat session: ${enrolled} enrolled, ${full} refused as full, in ${joinMs.toFixed(0)} ms   [target: exactly 10]`,
    );
    if (enrolled !== 10) process.exitCode = 1;
  } finally {
    sessions.stop();
    redis.disconnect();
    await nats.deleteStream();
    await nats.close();
    await service.stop();
    rmSync(outbox, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
