import { EventEnvelope, EventPayload, EventSubject, SocketPushes, WatchSessionAck } from '@invigil/contracts';
import { RealtimeSocket } from '../app/realtime/socket-connector';

type Listener = (...args: unknown[]) => void;

/** A stand-in for the server end of a socket.io connection, for component and service tests. */
export class FakeSocket implements RealtimeSocket {
  connected = false;
  /** What the server answers to every session.watch. */
  watchAck: WatchSessionAck = { ok: true };
  readonly emitted: { event: string; payload: unknown }[] = [];
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
