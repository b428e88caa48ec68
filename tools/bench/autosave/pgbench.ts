import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

export interface PgbenchSettings {
  databaseUrl: string;
  /** Throw-away schema, dropped afterwards. */
  schema: string;
  /** Rows of the table: attempts × questions, every key written before the clock starts. */
  attempts: number;
  questions: number;
  clients: number;
  threads: number;
  seconds: number;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
  command: string;
}

/**
 * The same guarded upsert as services/sessions/src/attempts/answer-store.ts, alone, on a table
 * shaped like `answer`. Each pgbench client owns its own attempts (attempt ≡ client_id mod clients)
 * and counts its sequence up, the way each candidate owns an attempt: every write is accepted.
 */
const SCRIPT = (schema: string) => `\\set attempt random(0, :attempts_per_client - 1) * :clients + :client_id
\\set question random(1, :questions)
\\set seq :seq + 1
insert into "${schema}"."answer" ("attempt_id", "question_id", "value", "client_seq", "change_count", "saved_at")
  values (md5('a' || :attempt::int)::uuid, md5('q' || :question::int)::uuid, jsonb_build_object('numberValue', :seq::int), :seq::int, 1, now())
  on conflict ("attempt_id", "question_id") do update
    set "value" = excluded."value",
        "client_seq" = excluded."client_seq",
        "change_count" = "answer"."change_count" + 1,
        "saved_at" = excluded."saved_at"
    where "answer"."client_seq" < excluded."client_seq"
  returning "client_seq", "saved_at";
`;

/** A table shaped like sessions' answer table, every key already stored at sequence 0. */
async function prepareTable(db: Client, settings: PgbenchSettings, attemptsPerClient: number): Promise<void> {
  await db.query(`drop schema if exists "${settings.schema}" cascade; create schema "${settings.schema}"`);
  await db.query(`create table "${settings.schema}"."answer" (
    "attempt_id" uuid not null, "question_id" uuid not null, "value" jsonb not null,
    "client_seq" int not null, "change_count" int not null default 0, "saved_at" timestamptz(3) not null,
    primary key ("attempt_id", "question_id"))`);
  // Saves mostly change answers already stored, so the table starts with every key at sequence 0.
  await db.query(
    `insert into "${settings.schema}"."answer" select md5('a' || a)::uuid, md5('q' || q)::uuid, '{}'::jsonb, 0, 0, now()
     from generate_series(0, $1::int - 1) a, generate_series(1, $2::int) q`,
    [attemptsPerClient * settings.clients, settings.questions],
  );
  await db.query(`analyze "${settings.schema}"."answer"`);
}

function pgbenchArgs(settings: PgbenchSettings, url: URL, attemptsPerClient: number, script: string): string[] {
  const { clients, threads, seconds, questions } = settings;
  return [
    '-n',
    ...['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres'],
    ...['-M', 'extended', '-c', String(clients), '-j', String(threads), '-T', String(seconds)],
    ...['-D', `attempts_per_client=${attemptsPerClient}`, '-D', `clients=${clients}`],
    ...['-D', `questions=${questions}`, '-D', 'seq=0'],
    ...['-f', script, url.pathname.slice(1)],
  ];
}

/** Runs pgbench against the stack's PostgreSQL and reads its transactions per second. */
export async function measureRawUpsertRate(settings: PgbenchSettings): Promise<PgbenchResult> {
  const db = new Client({ connectionString: settings.databaseUrl });
  await db.connect();
  const dir = mkdtempSync(join(tmpdir(), 'invigil-pgbench-'));
  try {
    const attemptsPerClient = Math.ceil(settings.attempts / settings.clients);
    await prepareTable(db, settings, attemptsPerClient);
    const script = join(dir, 'guarded-upsert.sql');
    writeFileSync(script, SCRIPT(settings.schema));
    const url = new URL(settings.databaseUrl);
    const args = pgbenchArgs(settings, url, attemptsPerClient, script);
    const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
    const { stdout } = await promisify(execFile)('pgbench', args, { env, maxBuffer: 1 << 20 });
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    const transactions = /number of transactions actually processed: (\d+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return {
      tps: Number(tps[1]),
      latencyMs: latency ? Number(latency[1]) : NaN,
      transactions: transactions ? Number(transactions[1]) : NaN,
      command: `pgbench ${args.join(' ').replace(script, 'guarded-upsert.sql')}`,
    };
  } finally {
    await db.query(`drop schema if exists "${settings.schema}" cascade`).catch(() => undefined);
    await db.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
