import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ActorScopedRequest } from '../scoped';

/** The longest message anyone may send: long enough for instructions, short enough to read on an exam page. */
export const MESSAGE_MAX_LENGTH = 2000;

/** Most recipients one request may name: a session's roster fits comfortably. */
export const MESSAGE_MAX_RECIPIENTS = 1000;

/** Body of POST /api/sessions/:sessionId/messages: a broadcast to everyone, or to the listed candidates only. */
export class BroadcastBody {
  @IsString()
  @MinLength(1, { message: 'message must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH, { message: `message must be at most ${MESSAGE_MAX_LENGTH} characters` })
  body!: string;

  /** Absent: everyone in the session. Present: only these candidates (a filtered subset). */
  @IsOptional()
  @IsArray({ message: 'recipientUserIds must be a list of user ids' })
  @ArrayMinSize(1, { message: 'recipientUserIds must name at least one candidate (leave it out to send to everyone)' })
  @ArrayMaxSize(MESSAGE_MAX_RECIPIENTS, { message: `recipientUserIds may name at most ${MESSAGE_MAX_RECIPIENTS}` })
  @IsUUID('all', { each: true, message: 'recipientUserIds must contain user ids (UUIDs)' })
  recipientUserIds?: string[];
}

export class BroadcastRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGE_MAX_RECIPIENTS)
  @IsUUID('all', { each: true })
  recipientUserIds?: string[];
}

/**
 * broadcast: from staff to everyone in the session or to a chosen subset; private: one thread between a
 * candidate and the session's staff (either side writes); system: written by the platform itself.
 */
export type MessageKind = 'broadcast' | 'private' | 'system';

/** Who wrote a message: any of the session's staff (proctor or admin), the candidate, or the platform. */
export type MessageSenderRole = 'staff' | 'candidate' | 'system';

/** A receipt recorded on the server for one recipient of one message. */
export type MessageReceiptKind = 'delivered' | 'read';

/** One receipt of one message, as the message's sender side sees it. */
export interface MessageReceiptView {
  userId: string;
  receipt: MessageReceiptKind;
  at: string;
}

export interface MessageView {
  id: string;
  /** The session-wide order of messages: a client asks for everything after the last one it holds. */
  seq: number;
  sessionId: string;
  kind: MessageKind;
  senderRole: MessageSenderRole;
  /** Null for system messages. */
  senderId: string | null;
  senderName: string;
  body: string;
  sentAt: string;
  /** A private message: the candidate whose thread it belongs to. */
  toUserId: string | null;
  /** A broadcast to a subset: who it is for; null for everyone. */
  recipientUserIds: string[] | null;
  /**
   * Staff see every receipt; a candidate sees only the receipts of the messages they wrote (staff
   * having read them), never who else read a broadcast.
   */
  receipts: MessageReceiptView[];
}
