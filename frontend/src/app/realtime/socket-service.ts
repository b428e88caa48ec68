import { effect, inject, Injectable, signal } from '@angular/core';
import { defer, filter, Observable, Subject } from 'rxjs';
import {
  EventEnvelope,
  EventSubject,
  SocketCommands,
  SocketPushes,
  WatchSessionAck,
  WatchSessionCommand,
} from '@invigil/contracts';
import { AuthStore } from '../auth/auth-store';
import { RealtimeSocket, SOCKET_CONNECTOR } from './socket-connector';
import { SocketUnavailableError } from './socket-request-errors';

/**
 * The only place that touches socket.io. Pages ask to watch a session and subscribe to the event
 * subjects they care about; reconnects re-send every watch, because a new connection starts empty.
 */
@Injectable({ providedIn: 'root' })
export class SocketService {
  private readonly auth = inject(AuthStore);
  private readonly connect = inject(SOCKET_CONNECTOR);
  private readonly envelopes = new Subject<EventEnvelope>();
  private readonly confirmedWatches = new Subject<string>();
  private readonly connects = new Subject<void>();
  private readonly watchers = new Map<string, number>();
  private socket: RealtimeSocket | null = null;

  readonly connected = signal(false);
  readonly lastWatchError = signal<string | null>(null);

  constructor() {
    // The socket carries the signed-in user's token: signing out must close it.
    let wasSignedIn = this.auth.signedIn();
    effect(() => {
      const signedIn = this.auth.signedIn();
      if (wasSignedIn && !signedIn) this.close();
      wasSignedIn = signedIn;
    });
  }

  /** Events of one subject, optionally only those of one session. */
  on<S extends EventSubject>(subject: S, sessionId?: string): Observable<EventEnvelope<S>> {
    // Connecting on subscribe matters even without a watch: events about the user arrive regardless.
    return defer(() => {
      this.ensureSocket();
      return this.envelopes.pipe(
        filter((envelope): envelope is EventEnvelope<S> => envelope.subject === subject),
        filter((envelope) => sessionId === undefined || envelope.data.sessionId === sessionId),
      );
    });
  }

  /**
   * Watches a session while subscribed. Emits each time the server confirms the watch (first connect
   * and after every reconnect) so the page can reload whatever it may have missed in between.
   */
  watchSession(sessionId: string): Observable<void> {
    return new Observable<void>((subscriber) => {
      const confirmations = this.confirmedWatches
        .pipe(filter((id) => id === sessionId))
        .subscribe(() => subscriber.next());
      this.watchers.set(sessionId, (this.watchers.get(sessionId) ?? 0) + 1);
      const socket = this.ensureSocket();
      if (socket.connected) this.sendWatch(socket, sessionId);
      return () => {
        confirmations.unsubscribe();
        const left = (this.watchers.get(sessionId) ?? 1) - 1;
        if (left > 0) this.watchers.set(sessionId, left);
        else this.watchers.delete(sessionId);
      };
    });
  }

  /**
   * Emits now when connected and after every (re)connect: a new connection starts empty, so state the
   * server keeps per connection (an attached exam view) must be set up again.
   */
  connections(): Observable<void> {
    return new Observable<void>((subscriber) => {
      const subscription = this.connects.subscribe(() => subscriber.next());
      if (this.ensureSocket().connected) subscriber.next();
      return () => subscription.unsubscribe();
    });
  }

  /**
   * Sends a command and resolves with the server's acknowledgement. Rejects with a
   * SocketUnavailableError when not connected or when no answer comes within `timeoutMs`: the command
   * is then not buffered for a later reconnect, so the caller alone decides whether to send it again.
   */
  request<Ack>(command: string, payload: unknown, timeoutMs: number): Promise<Ack> {
    const socket = this.ensureSocket();
    if (!socket.connected) return Promise.reject(new SocketUnavailableError(command, 'disconnected'));
    return new Promise<Ack>((resolve, reject) => {
      socket.timeout(timeoutMs).emit(command, payload, (error: unknown, ack: Ack) => {
        if (error) reject(new SocketUnavailableError(command, 'timeout'));
        else resolve(ack);
      });
    });
  }

  private ensureSocket(): RealtimeSocket {
    if (this.socket) return this.socket;
    const socket = this.connect((send) => send({ token: this.auth.token() }));
    socket.on('connect', () => {
      this.connected.set(true);
      for (const sessionId of this.watchers.keys()) this.sendWatch(socket, sessionId);
      this.connects.next();
    });
    socket.on('disconnect', () => this.connected.set(false));
    socket.on('connect_error', () => this.connected.set(false));
    socket.on(SocketPushes.event, (push: unknown) => {
      if (isEnvelope(push)) this.envelopes.next(push);
    });
    this.socket = socket;
    return socket;
  }

  private sendWatch(socket: RealtimeSocket, sessionId: string): void {
    const command: WatchSessionCommand = { sessionId };
    socket.emit(SocketCommands.watchSession, command, (ack: WatchSessionAck | undefined) => {
      if (ack?.ok) {
        this.lastWatchError.set(null);
        this.confirmedWatches.next(sessionId);
      } else {
        this.lastWatchError.set(ack?.error ?? 'Live updates are unavailable for this session.');
      }
    });
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.connected.set(false);
  }
}

/** The gateway is trusted, but a malformed push must not crash a page mid-exam. */
function isEnvelope(value: unknown): value is EventEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['subject'] === 'string' && typeof candidate['data'] === 'object' && candidate['data'] !== null
  );
}
