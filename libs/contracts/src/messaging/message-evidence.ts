import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { OrgScopedRequest } from '../scoped';

/** Asked by monitoring before a chat message is linked to an incident as evidence. */
export class MessagesBelongToSessionRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  messageIds!: string[];
}

export interface MessagesBelongToSession {
  /** The asked ids that are not messages of that session (of another session or organization, or none). */
  foreign: string[];
}
