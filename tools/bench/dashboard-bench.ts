// npm run bench:dashboard [-- 200,1000] — figures for the proctor's live dashboard (a benchmark, not a
// test): simulated candidates over real WebSockets saving every 5 s, a few asking the proctor and a few
// raising alerts over HTTP, and one proctor socket watching the session; the whole stack as separate
// processes on this machine. Reports the time from a candidate's action to the proctor's pushed row.
import { Events } from '@invigil/contracts';
import { DEMO_USERS } from '@invigil/server-seed';
import { ApiClient } from '@invigil/server-testing';
import { cpus, loadavg } from 'node:os';
import { startBenchStack, stopBenchStack } from './bench-stack';
import { CandidateLoad, percentile, sleep } from './autosave/candidate-load';
import type { BenchExam } from './autosave/exam-setup';
import { prepareExam } from './autosave/exam-setup';
import { CpuMeter, pidOf } from './autosave/process-stats';
import type { LocalStack } from '@invigil/local-stack';
import type { ActionKind } from './dashboard/proctor-watch';
import { ProctorWatch } from './dashboard/proctor-watch';
import { SideActions } from './dashboard/side-actions';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const LEVELS = (process.argv[2] ?? process.env['DASHBOARD_LEVELS'] ?? '200,1000').split(',').map(Number);
const SETTINGS = {
  saveIntervalMs: 5_000,
  /** Each chatting or signalling candidate acts this often. */
  sideIntervalMs: 20_000,
  /** Of the candidates, this share chats with the proctor and as many again raise signals. */
  sideShare: 0.05,
  warmupSeconds: setting('DASHBOARD_WARMUP_SECONDS', 10),
  windowSeconds: setting('DASHBOARD_WINDOW_SECONDS', 60),
  /** Enough questions that every save of the run answers a new one (and so moves the answered count). */
  questions: 30,
};
const TARGET_P99_MS = 1_000;

interface LevelFigures {
  candidates: number;
  attachSeconds: number;
  latency: Record<ActionKind | 'all', { count: number; p50: number; p99: number; max: number }>;
  unseen: Record<ActionKind, number>;
  acksPerSecond: number;
  saveFailures: Record<string, number>;
  sideFailures: string[];
  proctorPushesPerSecond: number;
  candidatePushesPerSecond: number;
  deltasInWindow: number;
  actionsInWindow: number;
  cpu: { gateway: number; monitoring: number; messaging: number; client: number };
  loadAverage: number;
}

function summarise(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** The candidates' sockets and side actions, each reporting what it sent to the proctor's watch. */
function candidatesOf(stack: LocalStack, exam: BenchExam, watch: ProctorWatch) {
  const base = stack.gatewayUrl(0);
  const load = new CandidateLoad(
    {
      gatewayUrl: base,
      sessionId: exam.sessionId,
      intervalMs: SETTINGS.saveIntervalMs,
      ackTimeoutMs: 10_000,
      connectBatch: 100,
      attachConcurrency: 20,
      questionOrder: 'sequential',
      onSaveSent: (userId, clientSeq, sentAt) => {
        if (clientSeq <= SETTINGS.questions) watch.expect(userId, 'save', clientSeq, sentAt);
      },
    },
    exam.candidates,
  );
  const sideCount = Math.max(1, Math.round(exam.candidates.length * SETTINGS.sideShare));
  const side = new SideActions(
    {
      gatewayUrl: base,
      sessionId: exam.sessionId,
      intervalMs: SETTINGS.sideIntervalMs,
      onSent: (userId, kind, count, sentAt) => watch.expect(userId, kind, count, sentAt),
    },
    exam.candidates.slice(0, sideCount),
    exam.candidates.slice(sideCount, 2 * sideCount),
  );
  return { load, side };
}

/** The measured window: CPU of the processes, pushes, and what the proctor saw of each action. */
async function measureWindow(stack: LocalStack, watch: ProctorWatch, load: CandidateLoad, side: SideActions) {
  const meters = {
    gateway: CpuMeter.ofPid(pidOf(stack.gatewayProcess(0))),
    monitoring: CpuMeter.ofPid(pidOf(stack.serviceProcess('monitoring'))),
    messaging: CpuMeter.ofPid(pidOf(stack.serviceProcess('messaging'))),
    client: CpuMeter.ofThisProcess(),
  };
  const deltasBefore = watch.pushesBySubject.get(Events.liveParticipantUpdated) ?? 0;
  const candidatePushesBefore = load.pushesReceived;
  const from = performance.now();
  const window = await load.measure(SETTINGS.windowSeconds);
  const to = from + SETTINGS.windowSeconds * 1000;
  const cpu = {
    gateway: meters.gateway.percentOfOneCore(),
    monitoring: meters.monitoring.percentOfOneCore(),
    messaging: meters.messaging.percentOfOneCore(),
    client: meters.client.percentOfOneCore(),
  };
  const deltasInWindow = (watch.pushesBySubject.get(Events.liveParticipantUpdated) ?? 0) - deltasBefore;
  const candidatePushes = load.pushesReceived - candidatePushesBefore;
  await side.stop();
  await sleep(3_000); // rows still on their way count as late, not as never seen
  const { latencies, unseen } = watch.figures(from, to);
  const ofKind = (kind: ActionKind) => latencies.filter((entry) => entry.kind === kind).map((entry) => entry.latencyMs);
  return {
    latency: {
      all: summarise(latencies.map((entry) => entry.latencyMs)),
      save: summarise(ofKind('save')),
      chat: summarise(ofKind('chat')),
      signal: summarise(ofKind('signal')),
    },
    unseen,
    acksPerSecond: window.savesPerSecond,
    saveFailures: window.failures,
    sideFailures: side.failures,
    proctorPushesPerSecond: watch.pushesBetween(from, to) / SETTINGS.windowSeconds,
    candidatePushesPerSecond: candidatePushes / SETTINGS.windowSeconds,
    deltasInWindow,
    actionsInWindow: latencies.length + unseen.save + unseen.chat + unseen.signal,
    cpu,
  };
}

async function runLevel(stack: LocalStack, exam: BenchExam): Promise<LevelFigures> {
  const proctor = await ApiClient.signIn(stack.gatewayUrl(0), DEMO_USERS[1].email);
  const watch = new ProctorWatch(stack.gatewayUrl(0), proctor.accessToken ?? '', exam.sessionId);
  await watch.open();
  const { load, side } = candidatesOf(stack, exam, watch);
  try {
    console.log(`${exam.candidates.length} candidates: connecting and attaching…`);
    const attachStarted = performance.now();
    await load.connectAll();
    const refused = await load.attachAll();
    const attachSeconds = (performance.now() - attachStarted) / 1000;
    console.log(`  ${load.attachedCount} attached in ${attachSeconds.toFixed(1)} s (${refused} refused); warm-up…`);
    load.startSaving();
    side.start();
    await sleep(SETTINGS.warmupSeconds * 1000);
    const figures = await measureWindow(stack, watch, load, side);
    const [loadAverage = 0] = loadavg();
    return { candidates: exam.candidates.length, attachSeconds, loadAverage, ...figures };
  } finally {
    await side.stop();
    await load.stopAndClose();
    watch.close();
  }
}

function printLevel(figures: LevelFigures): void {
  const { latency, cpu, windowSeconds } = { ...figures, windowSeconds: SETTINGS.windowSeconds };
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  const row = (kind: keyof LevelFigures['latency']) =>
    `${kind} ${latency[kind].count}: p50 ${ms(latency[kind].p50)} / p99 ${ms(latency[kind].p99)} / max ${ms(latency[kind].max)} ms`;
  const cpuMsPer = (percent: number, events: number) => ((percent / 100) * windowSeconds * 1000) / Math.max(1, events);
  console.log(
    `\n${figures.candidates} candidates (attach ${figures.attachSeconds.toFixed(1)} s, load avg ${figures.loadAverage.toFixed(2)}):`,
  );
  console.log(`  candidate action → proctor's row: ${row('all')}`);
  console.log(`    ${row('save')}; ${row('chat')}; ${row('signal')}`);
  console.log(
    `  never shown to the proctor: ${JSON.stringify(figures.unseen)}; save failures ${JSON.stringify(figures.saveFailures)}; chat/signal failures ${figures.sideFailures.length}${figures.sideFailures[0] ? ` (first: ${figures.sideFailures[0]})` : ''}`,
  );
  console.log(
    `  pushed per second: ${figures.proctorPushesPerSecond.toFixed(1)} to the proctor (${figures.deltasInWindow} row deltas in the window), ${figures.candidatePushesPerSecond.toFixed(1)} to the candidates; saves acknowledged ${figures.acksPerSecond.toFixed(1)}/s`,
  );
  console.log(
    `  CPU % of one core: gateway ${cpu.gateway.toFixed(0)}, monitoring ${cpu.monitoring.toFixed(0)}, messaging ${cpu.messaging.toFixed(0)}, bench client ${cpu.client.toFixed(0)}; ` +
      `gateway ${cpuMsPer(cpu.gateway, figures.actionsInWindow).toFixed(2)} ms per candidate action, monitoring ${cpuMsPer(cpu.monitoring, figures.deltasInWindow).toFixed(2)} ms per row delta`,
  );
  const failed = figures.unseen.save + figures.unseen.chat + figures.unseen.signal;
  const met = latency.all.p99 < TARGET_P99_MS && failed === 0;
  console.log(`  target (p99 < ${TARGET_P99_MS} ms, every action shown): ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (LEVELS.some((level) => !Number.isInteger(level) || level < 2))
    throw new Error('levels: a comma-separated list of candidate counts (at least 2), e.g. 200,1000');
  console.log(
    `cores: ${cpus().length}, node ${process.version}, levels ${LEVELS.join(', ')}, window ${SETTINGS.windowSeconds} s after ${SETTINGS.warmupSeconds} s warm-up; ` +
      `saves every ${SETTINGS.saveIntervalMs / 1000} s, ${SETTINGS.sideShare * 100} % chat and ${SETTINGS.sideShare * 100} % raise a signal every ${SETTINGS.sideIntervalMs / 1000} s`,
  );
  const results: LevelFigures[] = [];
  for (const candidates of LEVELS) {
    console.log(
      `starting the stack (five services and one gateway as separate processes) for ${candidates} candidates…`,
    );
    const stack = await startBenchStack();
    try {
      const exam = await prepareExam(stack, candidates, SETTINGS.questions);
      await sleep(5_000); // the import's outbox events settle first
      results.push(await runLevel(stack, exam));
    } finally {
      await stopBenchStack(stack);
    }
  }
  console.log(`\n$ npm run bench:dashboard -- ${LEVELS.join(',')}`);
  for (const figures of results) printLevel(figures);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
