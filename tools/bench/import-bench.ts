// npm run bench:import — figures for the roster import (a benchmark, not a test): preview and commit
// of a 10,000-row CSV import, and 50 candidates joining one 10-seat session at the same moment.
// Runs the real enrollment service as its own process against this machine's PostgreSQL, NATS and
// Redis in a throw-away schema; the sessions service is answered by a peer on the real NATS.
import type { ImportPreview, ImportResult, ParticipantView } from '@invigil/contracts';
import { importUploadKey, Requests } from '@invigil/contracts';
import type { LocalStack } from '@invigil/local-stack';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { RawNats, SessionsPeer, testRedisUrl } from '@invigil/server-testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startBenchStack, stopBenchStack } from './bench-stack';

const ROWS = 10_000;
const JOINS = 50;
const SEATS = 10;

interface Peers {
  nats: RawNats;
  sessions: SessionsPeer;
  redis: Redis;
}

function importCsv(tag: string): Buffer {
  const lines = ['email,displayName,timeLimitMinutes,timeLimitMultiplier'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`bench${i}.${tag}@example.com,Bench Candidate ${i},${i % 3 === 0 ? 90 : ''},${i % 3 === 1 ? 1.5 : ''}`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function benchImport(peers: Peers, tag: string): Promise<void> {
  const csv = importCsv(tag);
  const uploadKey = importUploadKey(randomUUID());
  await peers.redis.set(uploadKey, csv, 'EX', 600);
  const session = peers.sessions.put({ name: 'Bench import' });
  const actor = DEMO_USERS[1];
  if (!actor) throw new Error('the demo fixtures have no proctor');
  const request = { orgId: DEMO_ORG.id, actorId: actor.id, sessionId: session.id, uploadKey, fileName: 'bench.csv' };

  const preview = await timed(() => peers.nats.request<ImportPreview>(Requests.previewImport, request, 120_000));
  if (!preview.value.response) throw new Error(JSON.stringify(preview.value.err));
  const commit = await timed(() =>
    peers.nats.request<ImportResult>(Requests.commitImport, { ...request, sendInvitation: false }, 120_000),
  );
  if (!commit.value.response) throw new Error(JSON.stringify(commit.value.err));

  const previewed = preview.value.response;
  const committed = commit.value.response;
  console.log(
    `import preview, ${ROWS} rows (${(csv.length / 1024).toFixed(0)} KiB CSV): ${(preview.ms / 1000).toFixed(2)} s (${previewed.validRows} valid, ${previewed.issues.length} issues)   [target < 3 s]`,
  );
  console.log(
    `import commit,  ${ROWS} rows: ${(commit.ms / 1000).toFixed(2)} s (${committed.added} added, ${committed.createdAccounts} accounts created)   [target < 5 s]`,
  );
}

/** Read straight from the enrollment schema: the bench needs ids of accounts the import created. */
async function importedUserIds(stack: LocalStack, tag: string): Promise<string[]> {
  const db = new Client({ connectionString: stack.settings.databaseUrl });
  await db.connect();
  try {
    const result = await db.query<{ id: string }>(
      `select "id" from "${stack.schemaOf('enrollment')}"."user_account" where "email" like $1 limit $2`,
      [`bench%.${tag}@example.com`, JOINS],
    );
    return result.rows.map((row) => row.id);
  } finally {
    await db.end();
  }
}

/** Returns whether exactly the seats were filled. */
async function benchJoins(peers: Peers, userIds: string[]): Promise<boolean> {
  const seated = peers.sessions.put({ name: 'Bench seats', maxUsers: SEATS });
  const joins = await timed(() =>
    Promise.all(
      userIds.map((userId) =>
        peers.nats.request<ParticipantView>(
          Requests.joinWithCode,
          { orgId: DEMO_ORG.id, userId, code: seated.enrollmentCode },
          60_000,
        ),
      ),
    ),
  );
  const enrolled = joins.value.filter((reply) => reply.response).length;
  const full = joins.value.filter((reply) => reply.err?.message.includes('is full')).length;
  console.log(
    `${userIds.length} concurrent joins to a ${SEATS}-seat session: ${enrolled} enrolled, ${full} refused as full, in ${joins.ms.toFixed(0)} ms   [target: exactly ${SEATS}]`,
  );
  return enrolled === SEATS;
}

async function main(): Promise<void> {
  const outbox = mkdtempSync(join(tmpdir(), 'invigil-bench-'));
  const stack = await startBenchStack({
    services: ['enrollment'],
    gateways: 0,
    extraEnv: { MAIL_OUTBOX_DIR: outbox, LOG_LEVEL: 'error' },
  });
  const tag = stack.settings.tag;
  const nats = await RawNats.connect(tag);
  const peers: Peers = { nats, sessions: new SessionsPeer(nats), redis: new Redis(testRedisUrl()) };
  try {
    console.log(`cores: ${cpus().length}, node ${process.version}`);
    await benchImport(peers, tag);
    if (!(await benchJoins(peers, await importedUserIds(stack, tag)))) process.exitCode = 1;
  } finally {
    peers.sessions.stop();
    peers.redis.disconnect();
    await nats.close();
    await stopBenchStack(stack);
    rmSync(outbox, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
