import { IsUUID } from 'class-validator';
import type { EventEnvelope } from './event-map';

/** Socket.IO messages the browser sends (client → gateway). */
export const SocketCommands = {
  watchSession: 'session.watch',
} as const;

/** Socket.IO messages the gateway pushes (gateway → browser). One name; the envelope says which event. */
export const SocketPushes = {
  event: 'invigil.event',
} as const;

export class WatchSessionCommand {
  @IsUUID()
  sessionId!: string;
}

export interface WatchSessionAck {
  ok: boolean;
  error?: string;
}

export type SocketEventPush = EventEnvelope;
