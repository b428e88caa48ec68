import { IsBoolean, IsUUID, Matches } from 'class-validator';
import type { EventEnvelope } from './event-map';
import type { AttemptView, SaveAnswerAck } from './sessions/attempt';
import { SaveAnswerBody, viewIdPattern } from './sessions/attempt';

/** Socket.IO messages the browser sends (client → gateway). */
export const SocketCommands = {
  watchSession: 'session.watch',
  /** The exam page becomes the attempt's live view; the gateway then keeps its heartbeat. */
  attachAttempt: 'attempt.attach',
  /** An answer save; acknowledged only after it is committed in PostgreSQL. */
  saveAnswer: 'attempt.save',
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

export class AttachAttemptCommand {
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId!: string;

  @Matches(viewIdPattern, { message: 'viewId must be 8 to 64 letters, digits, dashes or underscores' })
  viewId!: string;

  /** The candidate confirmed continuing here although another tab or device has the exam open. */
  @IsBoolean({ message: 'takeover must be true or false' })
  takeover!: boolean;
}

/** The socket form of PUT .../attempt/answers/:questionId: the same body plus where it belongs. */
export class SaveAnswerCommand extends SaveAnswerBody {
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId!: string;

  @IsUUID('all', { message: 'questionId must be a UUID' })
  questionId!: string;

  @Matches(viewIdPattern, { message: 'viewId must be 8 to 64 letters, digits, dashes or underscores' })
  viewId!: string;
}

/** A refusal over the socket carries the HTTP status the same refusal would have over HTTP. */
export interface SocketFailure {
  ok: false;
  status: number;
  message: string;
  details?: string[];
}

export type AttachAttemptAck =
  | { ok: true; attached: true; attempt: AttemptView }
  | { ok: true; attached: false; reason: 'another-view-live' }
  | SocketFailure;

export type SaveAnswerSocketAck = ({ ok: true } & SaveAnswerAck) | SocketFailure;

export type SocketEventPush = EventEnvelope;
