import { LocalStack } from '@invigil/local-stack';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { CandidateLoad, sleep } from './candidate-load';
import { BenchExam } from './exam-setup';
import { CpuMeter, gaugeValue, histogramTotals, pidOf, residentBytes } from './process-stats';
import { LevelResult } from './report';

export interface LevelSettings {
  intervalMs: number;
  warmupSeconds: number;
  windowSeconds: number;
  ackTimeoutMs: number;
}

/** Connected and attached but not saving, measured for this long: what the heartbeats cost. */
const IDLE_SECONDS = 5;
const SAVE_SUBJECT = 'subject="sessions.attempt.save-answer"';

/** One level: connect every candidate, attach, save for a warm-up and a measured window, close. */
export async function runLevel(stack: LocalStack, exam: BenchExam, settings: LevelSettings): Promise<LevelResult> {
  const candidates = exam.candidates.length;
  const gatewayPid = pidOf(stack.gatewayProcess(0));
  const sessionsPid = pidOf(stack.serviceProcess('sessions'));
  const sessionsMetrics = `http://127.0.0.1:${stack.servicePort('sessions')}/metrics`;
  const gatewayMetrics = stack.gatewayMetricsUrl(0);
  const rssBefore = residentBytes(gatewayPid);
  const load = new CandidateLoad(
    {
      gatewayUrl: stack.gatewayUrl(0),
      sessionId: exam.sessionId,
      intervalMs: settings.intervalMs,
      ackTimeoutMs: settings.ackTimeoutMs,
      connectBatch: 100,
      attachConcurrency: 20,
    },
    exam.candidates,
  );
  try {
    console.log(`${candidates} candidates: connecting…`);
    let started = performance.now();
    const connectFailures = await load.connectAll();
    const connectSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const attachRefused = await load.attachAll();
    const attachSeconds = (performance.now() - started) / 1000;
    const rssAttached = residentBytes(gatewayPid);
    await sleep(2_000);
    const idleMeters = { gateway: CpuMeter.ofPid(gatewayPid), sessions: CpuMeter.ofPid(sessionsPid) };
    await sleep(IDLE_SECONDS * 1000);
    const idleCpu = {
      gateway: idleMeters.gateway.percentOfOneCore(),
      sessions: idleMeters.sessions.percentOfOneCore(),
    };
    console.log(
      `  ${load.attachedCount} attached in ${attachSeconds.toFixed(1)} s (${connectFailures} not connected, ${attachRefused} not attached); saving, ${settings.warmupSeconds} s warm-up…`,
    );

    load.startSaving();
    await sleep(settings.warmupSeconds * 1000);
    const handledBefore = await histogramTotals(sessionsMetrics, 'invigil_nats_request_duration_seconds', SAVE_SUBJECT);
    const storedBefore = await storedSaves(stack);
    const meters = {
      gateway: CpuMeter.ofPid(gatewayPid),
      sessions: CpuMeter.ofPid(sessionsPid),
      client: CpuMeter.ofThisProcess(),
    };
    const figures = await load.measure(settings.windowSeconds);
    const cpu = {
      gateway: meters.gateway.percentOfOneCore(),
      sessions: meters.sessions.percentOfOneCore(),
      client: meters.client.percentOfOneCore(),
    };
    const handledAfter = await histogramTotals(sessionsMetrics, 'invigil_nats_request_duration_seconds', SAVE_SUBJECT);
    const stored = (await storedSaves(stack)) - storedBefore;
    const gatewaySockets = await gaugeValue(gatewayMetrics, 'invigil_socket_connections');
    const rssAfter = residentBytes(gatewayPid);
    const loadAverage = loadavg()[0];
    const connected = candidates - connectFailures;
    const handled = handledAfter.count - handledBefore.count;
    console.log(
      `  ${figures.savesPerSecond.toFixed(1)} saves/s, p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms, failures ${JSON.stringify(figures.failures)}; ` +
        `sessions finished ${handled} saves in the window, ${stored} stored in PostgreSQL; gateway holds ${gatewaySockets} sockets; ${load.droppedTotal} sockets dropped since connecting`,
    );
    return {
      candidates,
      connectFailures,
      connectSeconds,
      attachRefused,
      attachSeconds,
      figures,
      droppedSinceConnect: load.droppedTotal,
      gatewaySocketsAfterWindow: gatewaySockets,
      sessionsHandledInWindow: handled,
      sessionsStoredInWindow: stored,
      rssPerConnectionKiB: (rssAttached - rssBefore) / 1024 / connected,
      rssPerConnectionAfterKiB: (rssAfter - rssBefore) / 1024 / connected,
      gatewayRssMiB: rssAfter / 1024 / 1024,
      gatewayIdleCpuPercent: idleCpu.gateway,
      sessionsIdleCpuPercent: idleCpu.sessions,
      gatewayCpuPercent: cpu.gateway,
      sessionsCpuPercent: cpu.sessions,
      clientCpuPercent: cpu.client,
      sessionsSaveMeanMs: handled > 0 ? ((handledAfter.sum - handledBefore.sum) / handled) * 1000 : NaN,
      loadAverage,
    };
  } finally {
    await load.stopAndClose();
  }
}

/** Every accepted save adds one to its answer's change_count: their sum counts the saves PostgreSQL holds. */
async function storedSaves(stack: LocalStack): Promise<number> {
  const db = new Client({ connectionString: stack.settings.databaseUrl });
  await db.connect();
  try {
    const result = await db.query<{ saves: string }>(
      `select coalesce(sum("change_count"), 0) as "saves" from "${stack.schemaOf('sessions')}"."answer"`,
    );
    return Number(result.rows[0].saves);
  } finally {
    await db.end();
  }
}
