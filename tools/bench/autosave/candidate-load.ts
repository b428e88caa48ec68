import type { AttachAttemptAck, SaveAnswerSocketAck } from '@invigil/contracts';
import { SocketCommands, SocketPushes } from '@invigil/contracts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { BenchCandidate } from './exam-setup';

export interface LoadSettings {
  gatewayUrl: string;
  sessionId: string;
  /** Each candidate changes an answer this often (open loop: the next save does not wait for the last ack). */
  intervalMs: number;
  ackTimeoutMs: number;
  connectBatch: number;
  attachConcurrency: number;
  /**
   * 'random' (the autosave bench): any question each time. 'sequential': save n answers question n, so
   * the candidate's answered count after save n is n until every question is answered (the dashboard
   * bench follows that count to the proctor's page).
   */
  questionOrder?: 'random' | 'sequential';
  /** Called as each save is sent: who, its sequence number (1, 2, …) and when (performance.now()). */
  onSaveSent?: (userId: string, clientSeq: number, sentAt: number) => void;
}

interface SaveRecord {
  startedAt: number;
  latencyMs: number;
  /** '' when acknowledged as stored; else the refusal status or 'timeout'. */
  failure: string;
}

export interface WindowFigures {
  seconds: number;
  acked: number;
  savesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Refusals by status, and ack timeouts, of saves started in the window. */
  failures: Record<string, number>;
  /** Sockets closed by the other side (or a missed heartbeat) during the window. */
  dropped: number;
  clientLoopDelayP99Ms: number;
}

/**
 * N simulated exam pages, each its own Socket.IO connection to the gateway (WebSocket only, as
 * the browser does), attached to its attempt, saving an answer every few seconds.
 */
export class CandidateLoad {
  private sockets: {
    socket: Socket;
    candidate: BenchCandidate;
    viewId: string;
    seq: number;
    timer?: NodeJS.Timeout;
  }[] = [];
  private questionIds: string[] = [];
  private records: SaveRecord[] = [];
  /** Saves awaiting their ack, with when they were sent. */
  private inFlight = new Map<Promise<void>, number>();
  private dropped = 0;
  private pushes = 0;
  private saving = false;

  constructor(
    private readonly settings: LoadSettings,
    private readonly candidates: BenchCandidate[],
  ) {}

  /** Opens every connection, `connectBatch` at a time; returns how many failed. */
  async connectAll(): Promise<number> {
    let failed = 0;
    for (let start = 0; start < this.candidates.length; start += this.settings.connectBatch) {
      const batch = this.candidates.slice(start, start + this.settings.connectBatch);
      const results = await Promise.all(batch.map((candidate, offset) => this.connect(candidate, start + offset)));
      failed += results.filter((ok) => !ok).length;
    }
    return failed;
  }

  /** Attaches every page to its attempt (the first attach opens it); returns how many were refused. */
  async attachAll(): Promise<number> {
    let next = 0;
    let refused = 0;
    const attached: typeof this.sockets = [];
    const worker = async () => {
      for (let entry = this.sockets[next++]; entry; entry = this.sockets[next++]) {
        const ack = (await entry.socket
          .timeout(60_000)
          .emitWithAck(SocketCommands.attachAttempt, {
            sessionId: this.settings.sessionId,
            viewId: entry.viewId,
            takeover: false,
          })
          .catch(() => null)) as AttachAttemptAck | null;
        if (ack?.ok && ack.attached) {
          if (this.questionIds.length === 0) this.questionIds = ack.attempt.questions.map((question) => question.id);
          attached.push(entry);
        } else {
          refused++;
          if (refused === 1) console.warn(`  first refused attach: ${JSON.stringify(ack)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: this.settings.attachConcurrency }, worker));
    this.sockets = attached;
    return refused;
  }

  /** Sockets closed by the other side since they connected. */
  get droppedTotal(): number {
    return this.dropped;
  }

  /** Events the gateway pushed to the candidates' pages so far (broadcasts, their own attempt's changes…). */
  get pushesReceived(): number {
    return this.pushes;
  }

  get attachedCount(): number {
    return this.sockets.length;
  }

  /** Every page saves at its own random phase within the interval, so the load is smooth. */
  startSaving(): void {
    this.saving = true;
    const startedAt = performance.now();
    for (const entry of this.sockets) {
      const phase = Math.random() * this.settings.intervalMs;
      let round = 0;
      const tick = () => {
        if (!this.saving) return;
        this.save(entry);
        round++;
        // Scheduled against the start, not the last tick, so timer drift does not thin the load.
        entry.timer = setTimeout(
          tick,
          Math.max(0, startedAt + phase + round * this.settings.intervalMs - performance.now()),
        );
      };
      entry.timer = setTimeout(tick, phase);
    }
  }

  /** Figures for saves started in the next `seconds`; waits for their acks (or timeouts). */
  async measure(seconds: number): Promise<WindowFigures> {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const from = performance.now();
    const droppedBefore = this.dropped;
    await sleep(seconds * 1000);
    const to = performance.now();
    const dropped = this.dropped - droppedBefore;
    loop.disable();
    await this.settle(to);
    const inWindow = this.records.filter((record) => record.startedAt >= from && record.startedAt < to);
    const latencies = inWindow
      .filter((record) => !record.failure)
      .map((record) => record.latencyMs)
      .sort((a, b) => a - b);
    const failures: Record<string, number> = {};
    for (const record of inWindow) if (record.failure) failures[record.failure] = (failures[record.failure] ?? 0) + 1;
    return {
      seconds,
      acked: latencies.length,
      savesPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1) ?? NaN,
      failures,
      dropped,
      clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
    };
  }

  async stopAndClose(): Promise<void> {
    this.saving = false;
    for (const entry of this.sockets) clearTimeout(entry.timer);
    await Promise.allSettled([...this.inFlight.keys()]);
    for (const entry of this.sockets) entry.socket.disconnect();
    this.sockets = [];
    this.records = [];
  }

  private connect(candidate: BenchCandidate, index: number): Promise<boolean> {
    const socket = io(this.settings.gatewayUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: candidate.token },
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.on(SocketPushes.event, () => this.pushes++);
        socket.on('disconnect', (reason) => {
          if (reason === 'io client disconnect') return;
          if (this.dropped++ === 0) console.warn(`  first socket dropped by the other side: ${reason}`);
        });
        this.sockets.push({ socket, candidate, viewId: `bench-view-${index}`, seq: 0 });
        resolve(true);
      });
      socket.once('connect_error', (error) => {
        if (this.sockets.length === 0) console.warn(`  connect error: ${error.message}`);
        socket.disconnect();
        resolve(false);
      });
    });
  }

  private save(entry: (typeof this.sockets)[number]): void {
    const index =
      this.settings.questionOrder === 'sequential'
        ? entry.seq % this.questionIds.length
        : Math.floor(Math.random() * this.questionIds.length);
    // Even positions are single choice, odd ones numeric (see exam-setup.ts).
    const answer = index % 2 === 0 ? { selectedOption: Math.floor(Math.random() * 4) } : { numberValue: entry.seq };
    const payload = {
      sessionId: this.settings.sessionId,
      questionId: this.questionIds[index],
      viewId: entry.viewId,
      clientSeq: ++entry.seq,
      answer,
    };
    const startedAt = performance.now();
    this.settings.onSaveSent?.(entry.candidate.userId, payload.clientSeq, startedAt);
    const done = (
      entry.socket
        .timeout(this.settings.ackTimeoutMs)
        .emitWithAck(SocketCommands.saveAnswer, payload) as Promise<SaveAnswerSocketAck>
    ).then(
      (ack) => {
        this.records.push({
          startedAt,
          latencyMs: performance.now() - startedAt,
          failure: ack.ok ? '' : `refused ${ack.status}`,
        });
      },
      () => {
        this.records.push({ startedAt, latencyMs: NaN, failure: 'timeout' });
      },
    );
    this.inFlight.set(done, startedAt);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Waits until every save started before `until` has its outcome (an ack, or its timeout). */
  private async settle(until: number): Promise<void> {
    const older = [...this.inFlight].filter(([, startedAt]) => startedAt < until).map(([done]) => done);
    await Promise.allSettled(older);
  }
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
