import type { EventEnvelope, EventPayload, EventSubject, WatchSessionAck } from '@invigil/contracts';
import { SocketPushes } from '@invigil/contracts';
import type { RealtimeSocket } from '../app/realtime/socket-connector';

type Listener = (...args: unknown[]) => void;

/** A request sent with an acknowledgement timeout that the test has not answered yet. */
export interface UnansweredRequest {
  event: string;
  payload: unknown;
  answer(ack: unknown): void;
  /** As if no acknowledgement came within the timeout. */
  timeOut(): void;
}

/** A stand-in for the server end of a socket.io connection, for component and service tests. */
export class FakeSocket implements RealtimeSocket {
  connected = false;
  /** What the server answers to every session.watch. */
  watchAck: WatchSessionAck = { ok: true };
  readonly emitted: { event: string; payload: unknown }[] = [];
  /** Answers requests (emits with a timeout) by command; returning undefined leaves one in `unanswered`. */
  readonly handlers = new Map<string, (payload: unknown) => unknown>();
  readonly unanswered: UnansweredRequest[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private nextEventId = 1;

  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, payload: args[0] });
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack(this.watchAck);
    return this;
  }

  timeout(_ms: number): { emit(event: string, ...args: unknown[]): void } {
    return {
      emit: (event, ...args) => {
        this.emitted.push({ event, payload: args[0] });
        const callback = args[args.length - 1] as (error: Error | null, ack?: unknown) => void;
        const reply = this.handlers.get(event)?.(args[0]);
        if (reply !== undefined) {
          callback(null, reply);
          return;
        }
        const request: UnansweredRequest = {
          event,
          payload: args[0],
          answer: (ack) => {
            this.unanswered.splice(this.unanswered.indexOf(request), 1);
            callback(null, ack);
          },
          timeOut: () => {
            this.unanswered.splice(this.unanswered.indexOf(request), 1);
            callback(new Error('operation has timed out'));
          },
        };
        this.unanswered.push(request);
      },
    };
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  serverConnects(): void {
    this.connected = true;
    this.fire('connect');
  }

  serverDrops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  push<S extends EventSubject>(subject: S, data: EventPayload<S>): void {
    const envelope: EventEnvelope<S> = {
      eventId: `event-${this.nextEventId++}`,
      subject,
      occurredAt: new Date().toISOString(),
      correlationId: null,
      data,
    };
    this.fire(SocketPushes.event, envelope);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}
