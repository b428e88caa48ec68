import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';

/** Body of POST /api/sessions/:sessionId/messages. */
export class BroadcastBody {
  @IsString()
  @MinLength(1, { message: 'message must not be empty' })
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  body!: string;
}

export class BroadcastRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body!: string;
}

export class ListMessagesRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
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

export interface MessageView {
  id: string;
  sessionId: string;
  kind: MessageKind;
  senderName: string;
  body: string;
  sentAt: string;
}
