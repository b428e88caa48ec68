// npm run bench:autosave [-- 500,2000,5000] — figures for issue 4 (a benchmark, not a test):
// simulated candidates over real WebSockets through the gateway, each changing an answer every
// 5 s, with the whole stack running as separate processes on this machine; and pgbench's raw rate
// of the same guarded upsert against the same PostgreSQL, measured in the same run.
import { ServiceNames } from '@invigil/contracts';
import { LocalStack } from '@invigil/local-stack';
import { dropSchema } from '@invigil/server-platform';
import { RawNats, testDatabaseUrl, testNatsUrl, testRedisUrl, uniqueTag } from '@invigil/server-testing';
import { Redis } from 'ioredis';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CandidateLoad, sleep } from './autosave/candidate-load';
import { prepareExam, QUESTION_COUNT } from './autosave/exam-setup';
import { measureRawUpsertRate } from './autosave/pgbench';
import { CpuMeter, histogramTotals, pidOf, residentBytes } from './autosave/process-stats';
import { LevelResult, resultTable, setupLines } from './autosave/report';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const LEVELS = (process.argv[2] ?? process.env['AUTOSAVE_LEVELS'] ?? '500,2000,5000').split(',').map(Number);
const INTERVAL_MS = setting('AUTOSAVE_INTERVAL_MS', 5_000);
const WARMUP_SECONDS = setting('AUTOSAVE_WARMUP_SECONDS', 15);
const WINDOW_SECONDS = setting('AUTOSAVE_WINDOW_SECONDS', 60);
const PGBENCH_SECONDS = setting('AUTOSAVE_PGBENCH_SECONDS', 20);
const PROFILE_DIR = process.env['AUTOSAVE_CPU_PROFILE_DIR'];
const IDLE_SECONDS = 5;
const ACK_TIMEOUT_MS = 10_000;
const TARGET = { candidates: 2_000, p99Ms: 250 };
const SAVE_SUBJECT = 'subject="sessions.attempt.save-answer"';
const root = join(__dirname, '../..');

async function main(): Promise<void> {
  if (LEVELS.some((level) => !Number.isInteger(level) || level < 1)) throw new Error('levels: a comma-separated list of candidate counts, e.g. 500,2000,5000');
  const tag = uniqueTag();
  console.log(`cores: ${cpus().length}, node ${process.version}, levels ${LEVELS.join(', ')}, window ${WINDOW_SECONDS} s after ${WARMUP_SECONDS} s warm-up, one save per candidate every ${INTERVAL_MS / 1000} s`);
  console.log('starting the stack (five services and one gateway as separate processes)…');
  const stack = await LocalStack.start({
    root,
    databaseUrl: testDatabaseUrl(),
    natsUrl: testNatsUrl(),
    redisUrl: testRedisUrl(),
    tag,
    gateways: 1,
    jwtSecret: `autosave-bench-${tag}-0123456789abcdefghijklmnop`,
    logDir: join(root, 'tmp/bench-logs', tag),
    seed: true,
    logLevel: 'warn',
    // The API's per-address limit would otherwise throttle one machine's worth of candidates.
    extraEnv: {
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      // For finding where the time goes: every process writes a .cpuprofile here when it stops.
      ...(PROFILE_DIR ? { NODE_OPTIONS: `--require ${join(__dirname, 'autosave/cpu-profile-preload.js')}`, AUTOSAVE_CPU_PROFILE_DIR: PROFILE_DIR } : {}),
    },
  });
  let load: CandidateLoad | undefined;
  try {
    const maxLevel = Math.max(...LEVELS);
    let started = performance.now();
    const exam = await prepareExam(stack, maxLevel);
    console.log(`session ${exam.sessionId} running with ${maxLevel} imported candidates (${((performance.now() - started) / 1000).toFixed(1)} s); tokens signed, no logins`);
    await sleep(5_000); // the import's outbox events settle before PostgreSQL is measured

    console.log(`pgbench: the guarded upsert alone, ${PGBENCH_SECONDS} s, with the stack up and idle…`);
    const pgbench = await measureRawUpsertRate({
      databaseUrl: testDatabaseUrl(),
      schema: `pgbench_${tag}`,
      attempts: maxLevel,
      questions: QUESTION_COUNT,
      clients: 8,
      threads: 2,
      seconds: PGBENCH_SECONDS,
    });
    console.log(`pgbench: ${pgbench.tps.toFixed(0)} tps, mean latency ${pgbench.latencyMs} ms (${pgbench.command})`);

    const results: LevelResult[] = [];
    for (const candidates of LEVELS) {
      // A fresh gateway process per level, so its memory growth is this level's connections only.
      await stack.restartGateway(0);
      await sleep(3_000);
      const gatewayPid = pidOf(stack.gatewayProcess(0));
      const sessionsPid = pidOf(stack.serviceProcess('sessions'));
      const rssBefore = residentBytes(gatewayPid);
      load = new CandidateLoad(
        { gatewayUrl: stack.gatewayUrl(0), sessionId: exam.sessionId, intervalMs: INTERVAL_MS, ackTimeoutMs: ACK_TIMEOUT_MS, connectBatch: 100, attachConcurrency: 20 },
        exam.candidates.slice(0, candidates),
      );
      console.log(`${candidates} candidates: connecting…`);
      started = performance.now();
      const connectFailures = await load.connectAll();
      const connectSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const attachRefused = await load.attachAll();
      const attachSeconds = (performance.now() - started) / 1000;
      const rssAttached = residentBytes(gatewayPid);
      // What connected, attached pages cost without saving: mostly the 2 s heartbeat.
      await sleep(2_000);
      const idleMeters = { gateway: CpuMeter.ofPid(gatewayPid), sessions: CpuMeter.ofPid(sessionsPid) };
      await sleep(IDLE_SECONDS * 1000);
      const idleCpu = { gateway: idleMeters.gateway.percentOfOneCore(), sessions: idleMeters.sessions.percentOfOneCore() };
      console.log(`  ${load.attachedCount} attached (${connectFailures} not connected, ${attachRefused} not attached); saving, ${WARMUP_SECONDS} s warm-up…`);
      load.startSaving();
      await sleep(WARMUP_SECONDS * 1000);
      const metricsUrl = `http://127.0.0.1:${stack.servicePort('sessions')}/metrics`;
      const handledBefore = await histogramTotals(metricsUrl, 'invigil_nats_request_duration_seconds', SAVE_SUBJECT);
      const meters = { gateway: CpuMeter.ofPid(gatewayPid), sessions: CpuMeter.ofPid(sessionsPid), client: CpuMeter.ofThisProcess() };
      const figures = await load.measure(WINDOW_SECONDS);
      const cpu = { gateway: meters.gateway.percentOfOneCore(), sessions: meters.sessions.percentOfOneCore(), client: meters.client.percentOfOneCore() };
      const handledAfter = await histogramTotals(metricsUrl, 'invigil_nats_request_duration_seconds', SAVE_SUBJECT);
      const rssAfter = residentBytes(gatewayPid);
      const loadAverage = loadavg()[0];
      await load.stopAndClose();
      load = undefined;
      const connected = candidates - connectFailures;
      const result: LevelResult = {
        candidates,
        connectFailures,
        connectSeconds,
        attachRefused,
        attachSeconds,
        figures,
        rssPerConnectionKiB: (rssAttached - rssBefore) / 1024 / connected,
        rssPerConnectionAfterKiB: (rssAfter - rssBefore) / 1024 / connected,
        gatewayRssMiB: rssAfter / 1024 / 1024,
        gatewayIdleCpuPercent: idleCpu.gateway,
        sessionsIdleCpuPercent: idleCpu.sessions,
        gatewayCpuPercent: cpu.gateway,
        sessionsCpuPercent: cpu.sessions,
        clientCpuPercent: cpu.client,
        sessionsSaveMeanMs: ((handledAfter.sum - handledBefore.sum) / Math.max(1, handledAfter.count - handledBefore.count)) * 1000,
        loadAverage,
      };
      results.push(result);
      console.log(`  ${figures.savesPerSecond.toFixed(1)} saves/s, p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms, failures ${JSON.stringify(figures.failures)}`);
      // The closed views' disconnect reports (one transaction each) finish before the next level.
      await waitUntilQuiet(sessionsPid);
    }

    console.log(`\n$ npm run bench:autosave -- ${LEVELS.join(',')}   (window ${WINDOW_SECONDS} s, warm-up ${WARMUP_SECONDS} s)`);
    console.log(`pgbench, guarded upsert alone (stack idle): ${pgbench.tps.toFixed(0)} tps, mean latency ${pgbench.latencyMs} ms, ${pgbench.transactions} transactions`);
    console.log(resultTable(results, pgbench, INTERVAL_MS));
    console.log(setupLines(results));
    const atTarget = results.find((result) => result.candidates === TARGET.candidates);
    if (atTarget) {
      const failed = Object.values(atTarget.figures.failures).reduce((sum, count) => sum + count, 0) + atTarget.connectFailures + atTarget.attachRefused;
      const met = atTarget.figures.p99Ms < TARGET.p99Ms && failed === 0;
      console.log(`target (${TARGET.candidates} candidates, p99 ack < ${TARGET.p99Ms} ms, nothing failed): ${met ? 'met' : 'MISSED'} (p99 ${atTarget.figures.p99Ms.toFixed(0)} ms, ${failed} failed)`);
      if (!met) process.exitCode = 1;
    }
  } finally {
    await load?.stopAndClose();
    await stack.stop();
    await cleanUp(tag);
  }
}

/** Waits (at most a minute) until a process uses less than a quarter of a core over two seconds. */
async function waitUntilQuiet(pid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  await sleep(3_000);
  while (Date.now() < deadline) {
    const meter = CpuMeter.ofPid(pid);
    await sleep(2_000);
    if (meter.percentOfOneCore() < 25) return;
  }
}

/** What the stack left behind under this run's tag: schemas, the event stream, queue keys in Redis. */
async function cleanUp(tag: string): Promise<void> {
  for (const name of ServiceNames) await dropSchema(testDatabaseUrl(), `${name}_${tag}`);
  const nats = await RawNats.connect(tag);
  await nats.deleteStream();
  await nats.close();
  const redis = new Redis(testRedisUrl());
  try {
    for (const pattern of [`invigil-${tag}:*`, `invigil:${tag}.*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
