// npm run bench:autosave [-- 500,2000,5000] — figures for the autosave path (a benchmark, not a test):
// simulated candidates over real WebSockets through the gateway, each changing an answer every
// 5 s, with the whole stack running as separate processes on this machine; and pgbench's raw rate
// of the same guarded upsert against the same PostgreSQL, measured in the same run.
import { testDatabaseUrl } from '@invigil/server-testing';
import { cpus } from 'node:os';
import { startBenchStack, stopBenchStack } from './bench-stack';
import { sleep } from './autosave/candidate-load';
import { prepareExam, QUESTION_COUNT } from './autosave/exam-setup';
import { runLevel } from './autosave/level-run';
import type { PgbenchResult } from './autosave/pgbench';
import { measureRawUpsertRate } from './autosave/pgbench';
import type { LevelResult } from './autosave/report';
import { resultTable, setupLines } from './autosave/report';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const LEVELS = (process.argv[2] ?? process.env['AUTOSAVE_LEVELS'] ?? '500,2000,5000').split(',').map(Number);
const LEVEL_SETTINGS = {
  intervalMs: setting('AUTOSAVE_INTERVAL_MS', 5_000),
  warmupSeconds: setting('AUTOSAVE_WARMUP_SECONDS', 15),
  windowSeconds: setting('AUTOSAVE_WINDOW_SECONDS', 60),
  ackTimeoutMs: 10_000,
};
const PGBENCH_SECONDS = setting('AUTOSAVE_PGBENCH_SECONDS', 20);
const PROFILE_DIR = process.env['AUTOSAVE_CPU_PROFILE_DIR'];
const TARGET = { candidates: 2_000, p99Ms: 250 };

/** pgbench's rate of the same guarded upsert, with the stack up and idle: what PostgreSQL alone can do. */
async function measurePgbench(tag: string): Promise<PgbenchResult> {
  console.log(`pgbench: the guarded upsert alone, ${PGBENCH_SECONDS} s, with the stack up and idle…`);
  const pgbench = await measureRawUpsertRate({
    databaseUrl: testDatabaseUrl(),
    schema: `pgbench_${tag}`,
    attempts: Math.max(...LEVELS),
    questions: QUESTION_COUNT,
    clients: 8,
    threads: 2,
    seconds: PGBENCH_SECONDS,
  });
  console.log(`pgbench: ${pgbench.tps.toFixed(0)} tps, mean latency ${pgbench.latencyMs} ms (${pgbench.command})`);
  return pgbench;
}

function printSummary(results: LevelResult[], pgbench: PgbenchResult): void {
  const { intervalMs, warmupSeconds, windowSeconds } = LEVEL_SETTINGS;
  console.log(
    `\n$ npm run bench:autosave -- ${LEVELS.join(',')}   (window ${windowSeconds} s, warm-up ${warmupSeconds} s)`,
  );
  console.log(
    `pgbench, guarded upsert alone (stack idle): ${pgbench.tps.toFixed(0)} tps, mean latency ${pgbench.latencyMs} ms, ${pgbench.transactions} transactions`,
  );
  console.log(resultTable(results, pgbench, intervalMs));
  console.log(setupLines(results));
  const atTarget = results.find((result) => result.candidates === TARGET.candidates);
  if (!atTarget) return;
  const failed =
    Object.values(atTarget.figures.failures).reduce((sum, count) => sum + count, 0) +
    atTarget.connectFailures +
    atTarget.attachRefused;
  const met = atTarget.figures.p99Ms < TARGET.p99Ms && failed === 0;
  console.log(
    `target (${TARGET.candidates} candidates, p99 ack < ${TARGET.p99Ms} ms, nothing failed): ${met ? 'met' : 'MISSED'} (p99 ${atTarget.figures.p99Ms.toFixed(0)} ms, ${failed} failed)`,
  );
  if (!met) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (LEVELS.some((level) => !Number.isInteger(level) || level < 1))
    throw new Error('levels: a comma-separated list of candidate counts, e.g. 500,2000,5000');
  const { intervalMs, warmupSeconds, windowSeconds } = LEVEL_SETTINGS;
  console.log(
    `cores: ${cpus().length}, node ${process.version}, levels ${LEVELS.join(', ')}, window ${windowSeconds} s after ${warmupSeconds} s warm-up, one save per candidate every ${intervalMs / 1000} s`,
  );
  let pgbench: PgbenchResult | undefined;
  const results: LevelResult[] = [];
  for (const candidates of LEVELS) {
    // A fresh stack per level: an overloaded level's backlog must not spill into the next one.
    console.log(
      `starting the stack (five services and one gateway as separate processes) for ${candidates} candidates…`,
    );
    const stack = await startBenchStack({ profileDir: PROFILE_DIR });
    try {
      const started = performance.now();
      const exam = await prepareExam(stack, candidates);
      console.log(
        `session ${exam.sessionId} running with ${candidates} imported candidates (${((performance.now() - started) / 1000).toFixed(1)} s); tokens signed, no logins`,
      );
      await sleep(5_000); // the import's outbox events settle first
      pgbench ??= await measurePgbench(stack.settings.tag);
      results.push(await runLevel(stack, exam, LEVEL_SETTINGS));
    } finally {
      await stopBenchStack(stack);
    }
  }
  if (pgbench) printSummary(results, pgbench);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
