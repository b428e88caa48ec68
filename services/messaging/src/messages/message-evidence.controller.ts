import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MessagesBelongToSession, MessagesBelongToSessionRequest, Requests } from '@invigil/contracts';
import { Message } from './message.entity';

/**
 * Answers monitoring before it links chat messages to an incident: which of the ids are not this
 * session's. Its own controller so the messages' other handlers stay as they are.
 */
@Controller()
export class MessageEvidenceController {
  constructor(private readonly em: EntityManager) {}

  @MessagePattern(Requests.messagesBelongToSession)
  async belongToSession(@Payload() request: MessagesBelongToSessionRequest): Promise<MessagesBelongToSession> {
    const asked = [...new Set(request.messageIds)];
    if (asked.length === 0) return { foreign: [] };
    const found = await this.em
      .fork()
      .find(Message, { id: { $in: asked }, orgId: request.orgId, sessionId: request.sessionId }, { fields: ['id'] });
    const ours = new Set(found.map((message) => message.id));
    return { foreign: asked.filter((id) => !ours.has(id)) };
  }
}
