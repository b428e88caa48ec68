import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { OrgScopedRequest } from '../scoped';
import type { MessageReceiptKind } from './message';
import { MESSAGE_MAX_LENGTH, MESSAGE_MAX_RECIPIENTS } from './message';

/** Which side of a session someone reads and writes from: the session's staff, or one candidate. */
export type ChatSide = 'staff' | 'candidate';

/** Most message ids one receipts request may name (a long catch-up is acknowledged in a few requests). */
export const RECEIPTS_MAX_MESSAGES = 500;

/** Body of POST /api/sessions/:sessionId/messages/private: one private message into each named candidate's thread. */
export class PrivateMessageBody {
  @IsString()
  @MinLength(1, { message: 'message must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH, { message: `message must be at most ${MESSAGE_MAX_LENGTH} characters` })
  body!: string;

  @IsArray({ message: 'toUserIds must be a list of candidate user ids' })
  @ArrayMinSize(1, { message: 'toUserIds must name at least one candidate' })
  @ArrayMaxSize(MESSAGE_MAX_RECIPIENTS, { message: `toUserIds may name at most ${MESSAGE_MAX_RECIPIENTS}` })
  @IsUUID('all', { each: true, message: 'toUserIds must contain user ids (UUIDs)' })
  toUserIds!: string[];
}

/** Body of POST /api/sessions/:sessionId/messages/to-staff: a candidate never names a recipient. */
export class CandidateMessageBody {
  @IsString()
  @MinLength(1, { message: 'message must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH, { message: `message must be at most ${MESSAGE_MAX_LENGTH} characters` })
  body!: string;
}

/** Body of POST /api/sessions/:sessionId/messages/receipts. */
export class MessageReceiptsBody {
  @IsArray({ message: 'messageIds must be a list of message ids' })
  @ArrayMinSize(1, { message: 'messageIds must name at least one message' })
  @ArrayMaxSize(RECEIPTS_MAX_MESSAGES, { message: `messageIds may name at most ${RECEIPTS_MAX_MESSAGES}` })
  @IsUUID('all', { each: true, message: 'messageIds must contain message ids (UUIDs)' })
  messageIds!: string[];

  @IsIn(['delivered', 'read'], { message: 'receipt must be "delivered" or "read"' })
  receipt!: MessageReceiptKind;
}

/** Query of GET /api/sessions/:sessionId/messages. */
export class ListMessagesQuery {
  /** Only messages after this seq (the last one the client holds): the catch-up after a reconnect. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be a whole number (the seq of the last message you have)' })
  @Min(0, { message: 'after must be 0 or more' })
  after?: number;

  /** Staff only: one candidate's thread (their private messages, and what was broadcast to them). */
  @IsOptional()
  @IsUUID('all', { message: 'candidate must be a user id (UUID)' })
  candidate?: string;
}

/** Body of PUT /api/sessions/:sessionId/hand (the candidate) and PUT .../hands/:userId (staff lowering it). */
export class HandBody {
  @IsBoolean({ message: 'raised must be true or false' })
  raised!: boolean;
}

/** Who is asking: set by the gateway from the caller's token. */
export class ViewerScopedRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  viewerId!: string;

  @IsIn(['staff', 'candidate'])
  viewerSide!: ChatSide;
}

export class ListMessagesRequest extends ViewerScopedRequest {
  @IsOptional()
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @IsUUID()
  candidateId?: string;
}

export class SendPrivateMessageRequest extends ViewerScopedRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGE_MAX_RECIPIENTS)
  @IsUUID('all', { each: true })
  toUserIds!: string[];
}

export class WriteToStaffRequest extends ViewerScopedRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}

export class RecordReceiptsRequest extends ViewerScopedRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RECEIPTS_MAX_MESSAGES)
  @IsUUID('all', { each: true })
  messageIds!: string[];

  @IsIn(['delivered', 'read'])
  receipt!: MessageReceiptKind;
}

export type UnreadCountsRequest = ViewerScopedRequest;

export class SetHandRequest extends ViewerScopedRequest {
  /** Whose hand: the candidate's own, or one a staff member lowers. */
  @IsUUID()
  userId!: string;

  @IsBoolean()
  raised!: boolean;
}

export type ListHandsRequest = ViewerScopedRequest;

export interface ReceiptsRecordedView {
  /** Receipts newly recorded; repeating a receipt records nothing again. */
  recorded: number;
}

export interface UnreadCountView {
  /** The candidate whose thread it is (staff side); the viewer themself on the candidate side. */
  userId: string;
  count: number;
}

export interface UnreadCountsView {
  total: number;
  /** Staff: per candidate thread, messages from the candidate no staff member has read. Candidate: one row. */
  threads: UnreadCountView[];
}

export interface HandView {
  sessionId: string;
  userId: string;
  raised: boolean;
  at: string;
}
