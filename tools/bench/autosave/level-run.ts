import type { LocalStack } from '@invigil/local-stack';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { CandidateLoad, sleep } from './candidate-load';
import type { BenchExam } from './exam-setup';
import { CpuMeter, gaugeValue, histogramTotals, pidOf, residentBytes } from './process-stats';
import type { LevelResult } from './report';

export interface LevelSettings {
  intervalMs: number;
  warmupSeconds: number;
  windowSeconds: number;
  ackTimeoutMs: number;
}

/** Connected and attached but not saving, measured for this long: what the heartbeats cost. */
const IDLE_SECONDS = 5;
const SAVE_SUBJECT = 'subject="sessions.attempt.save-answer"';

interface Probes {
  stack: LocalStack;
  gatewayPid: number;
  sessionsPid: number;
  sessionsMetrics: string;
  gatewayMetrics: string;
}

function probesOf(stack: LocalStack): Probes {
  return {
    stack,
    gatewayPid: pidOf(stack.gatewayProcess(0)),
    sessionsPid: pidOf(stack.serviceProcess('sessions')),
    sessionsMetrics: `http://127.0.0.1:${stack.servicePort('sessions')}/metrics`,
    gatewayMetrics: stack.gatewayMetricsUrl(0),
  };
}

async function seconds<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, (performance.now() - started) / 1000];
}

/** Connects and attaches every candidate, then measures the idle cost of the open sockets. */
async function connectPhase(load: CandidateLoad, probes: Probes) {
  const [connectFailures, connectSeconds] = await seconds(() => load.connectAll());
  const [attachRefused, attachSeconds] = await seconds(() => load.attachAll());
  const rssAttached = residentBytes(probes.gatewayPid);
  await sleep(2_000);
  const idleMeters = { gateway: CpuMeter.ofPid(probes.gatewayPid), sessions: CpuMeter.ofPid(probes.sessionsPid) };
  await sleep(IDLE_SECONDS * 1000);
  const idleCpu = {
    gateway: idleMeters.gateway.percentOfOneCore(),
    sessions: idleMeters.sessions.percentOfOneCore(),
  };
  return { connectFailures, connectSeconds, attachRefused, attachSeconds, rssAttached, idleCpu };
}

/** Saves through the warm-up, then measures one window: client figures, server CPU, what was handled and stored. */
async function savePhase(load: CandidateLoad, probes: Probes, settings: LevelSettings) {
  load.startSaving();
  await sleep(settings.warmupSeconds * 1000);
  const handledTotals = () =>
    histogramTotals(probes.sessionsMetrics, 'invigil_nats_request_duration_seconds', SAVE_SUBJECT);
  const handledBefore = await handledTotals();
  const storedBefore = await storedSaves(probes.stack);
  const meters = {
    gateway: CpuMeter.ofPid(probes.gatewayPid),
    sessions: CpuMeter.ofPid(probes.sessionsPid),
    client: CpuMeter.ofThisProcess(),
  };
  const figures = await load.measure(settings.windowSeconds);
  const cpu = {
    gateway: meters.gateway.percentOfOneCore(),
    sessions: meters.sessions.percentOfOneCore(),
    client: meters.client.percentOfOneCore(),
  };
  const handledAfter = await handledTotals();
  const stored = (await storedSaves(probes.stack)) - storedBefore;
  const gatewaySockets = await gaugeValue(probes.gatewayMetrics, 'invigil_socket_connections');
  const handled = handledAfter.count - handledBefore.count;
  const saveMeanMs = handled > 0 ? ((handledAfter.sum - handledBefore.sum) / handled) * 1000 : NaN;
  return { figures, cpu, handled, stored, gatewaySockets, saveMeanMs };
}

/** One level: connect every candidate, attach, save for a warm-up and a measured window, close. */
export async function runLevel(stack: LocalStack, exam: BenchExam, settings: LevelSettings): Promise<LevelResult> {
  const candidates = exam.candidates.length;
  const probes = probesOf(stack);
  const rssBefore = residentBytes(probes.gatewayPid);
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
    const { idleCpu, rssAttached, ...connection } = await connectPhase(load, probes);
    console.log(
      `  ${load.attachedCount} attached in ${connection.attachSeconds.toFixed(1)} s (${connection.connectFailures} not connected, ${connection.attachRefused} not attached); saving, ${settings.warmupSeconds} s warm-up…`,
    );
    const { figures, cpu, handled, stored, gatewaySockets, saveMeanMs } = await savePhase(load, probes, settings);
    const rssAfter = residentBytes(probes.gatewayPid);
    const [loadAverage = 0] = loadavg();
    const connected = candidates - connection.connectFailures;
    console.log(
      `  ${figures.savesPerSecond.toFixed(1)} saves/s, p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms, failures ${JSON.stringify(figures.failures)}; ` +
        `sessions finished ${handled} saves in the window, ${stored} stored in PostgreSQL; gateway holds ${gatewaySockets} sockets; ${load.droppedTotal} sockets dropped since connecting`,
    );
    return {
      candidates,
      ...connection,
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
      sessionsSaveMeanMs: saveMeanMs,
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
    return Number(result.rows[0]?.saves ?? 0);
  } finally {
    await db.end();
  }
}
