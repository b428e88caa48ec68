import type { EventEnvelope, LiveParticipantView, WatchSessionAck } from '@invigil/contracts';
import { Events, SocketCommands, SocketPushes } from '@invigil/contracts';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';

/** What a candidate did that the proctor's dashboard row must come to show. */
export type WatchedField = 'answeredCount' | 'unreadMessages' | 'alertCount';

export type ActionKind = 'save' | 'chat' | 'signal';

const FIELD_OF: Record<ActionKind, WatchedField> = {
  save: 'answeredCount',
  chat: 'unreadMessages',
  signal: 'alertCount',
};

interface Expectation {
  kind: ActionKind;
  /** The row shows the action once this field is at least this value. */
  atLeast: number;
  sentAt: number;
}

export interface ActionLatency {
  kind: ActionKind;
  sentAt: number;
  latencyMs: number;
}

/**
 * One proctor's socket watching the session, as the dashboard page holds it: every pushed row of
 * `monitoring.participant.updated` is checked against what the candidates did, and the time from the
 * candidate's action to the first row showing it is recorded.
 */
export class ProctorWatch {
  private socket?: Socket;
  private readonly pending = new Map<string, Expectation[]>();
  private readonly seen: ActionLatency[] = [];
  /** Pushes received, by subject, and when the first and last arrived. */
  readonly pushesBySubject = new Map<string, number>();
  private pushTimes: number[] = [];

  constructor(
    private readonly gatewayUrl: string,
    private readonly token: string,
    private readonly sessionId: string,
  ) {}

  async open(): Promise<void> {
    const socket = io(this.gatewayUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: this.token },
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on(SocketPushes.event, (envelope: EventEnvelope) => this.onPush(envelope));
    const ack = (await socket.timeout(10_000).emitWithAck(SocketCommands.watchSession, {
      sessionId: this.sessionId,
    })) as WatchSessionAck;
    if (!ack.ok) throw new Error(`the proctor could not watch the session: ${ack.error}`);
  }

  /** The candidate did something; their row must come to show `atLeast` in the field of that kind. */
  expect(userId: string, kind: ActionKind, atLeast: number, sentAt: number): void {
    const list = this.pending.get(userId) ?? [];
    list.push({ kind, atLeast, sentAt });
    this.pending.set(userId, list);
  }

  /** Latencies of actions sent in [from, to), and how many of those the proctor never saw. */
  figures(from: number, to: number): { latencies: ActionLatency[]; unseen: Record<ActionKind, number> } {
    const latencies = this.seen.filter((entry) => entry.sentAt >= from && entry.sentAt < to);
    const unseen: Record<ActionKind, number> = { save: 0, chat: 0, signal: 0 };
    for (const list of this.pending.values())
      for (const entry of list) if (entry.sentAt >= from && entry.sentAt < to) unseen[entry.kind]++;
    return { latencies, unseen };
  }

  /** Pushes that arrived in [from, to). */
  pushesBetween(from: number, to: number): number {
    return this.pushTimes.filter((at) => at >= from && at < to).length;
  }

  close(): void {
    this.socket?.disconnect();
  }

  private onPush(envelope: EventEnvelope): void {
    const now = performance.now();
    this.pushTimes.push(now);
    this.pushesBySubject.set(envelope.subject, (this.pushesBySubject.get(envelope.subject) ?? 0) + 1);
    if (envelope.subject !== Events.liveParticipantUpdated) return;
    const row = envelope.data as unknown as LiveParticipantView;
    const list = this.pending.get(row.userId);
    if (!list) return;
    const open: Expectation[] = [];
    for (const entry of list) {
      const shown = row[FIELD_OF[entry.kind]] ?? 0;
      if (shown >= entry.atLeast)
        this.seen.push({ kind: entry.kind, sentAt: entry.sentAt, latencyMs: now - entry.sentAt });
      else open.push(entry);
    }
    this.pending.set(row.userId, open);
  }
}
