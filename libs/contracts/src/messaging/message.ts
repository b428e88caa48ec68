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

export type MessageKind = 'broadcast' | 'system';

export interface MessageView {
  id: string;
  sessionId: string;
  kind: MessageKind;
  senderName: string;
  body: string;
  sentAt: string;
}
