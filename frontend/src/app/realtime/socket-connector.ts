import { InjectionToken } from '@angular/core';
import { io } from 'socket.io-client';

/** The part of a socket.io client socket the app uses; tests hand in a fake with the same shape. */
export interface RealtimeSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  /** The next emit's acknowledgement callback gets `(error, ack)`, with an error when none came in time. */
  timeout(ms: number): { emit(event: string, ...args: unknown[]): unknown };
  disconnect(): unknown;
}

/** Supplies the auth payload on every (re)connect, so a reconnect always sends the current token. */
export type SocketAuthProvider = (send: (data: { token: string | null }) => void) => void;

export type SocketConnector = (auth: SocketAuthProvider) => RealtimeSocket;

/**
 * Opens the Socket.IO connection to the page's own origin. Websocket only: the gateway runs several
 * replicas without sticky sessions, which HTTP long-polling would need.
 */
export const SOCKET_CONNECTOR = new InjectionToken<SocketConnector>('SOCKET_CONNECTOR', {
  providedIn: 'root',
  factory: () => (auth) => io({ transports: ['websocket'], auth }),
});
