import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BroadcastRequest,
  Events,
  ListMessagesRequest,
  MessageView,
  Requests,
  RpcErrorCode,
  UserView,
} from '@invigil/contracts';
import { Outbox, RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { Message } from './message.entity';
import { messageSentEvent } from './message-text';

@Injectable()
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
  ) {}

  /** Stored and announced in one transaction: a broadcast is either in the log and on its way, or neither. */
  async broadcast(request: BroadcastRequest): Promise<MessageView> {
    const body = request.body.trim();
    if (!body)
      throw RpcError.invalid('The message is empty. Write something to send.', ['body: message must not be empty']);
    const sender = await this.sender(request);
    return this.outbox.transaction(async (em, emit) => {
      const message = em.create(Message, {
        id: randomUUID(),
        orgId: request.orgId,
        sessionId: request.sessionId,
        kind: 'broadcast',
        senderId: sender.id,
        senderName: sender.displayName,
        body,
        toUserId: null,
        sentAt: new Date(),
      });
      emit(Events.messageSent, messageSentEvent(message));
      return message.toView();
    });
  }

  /** The session's log, oldest first; private messages (not built yet) will be listed per addressee. */
  async list(request: ListMessagesRequest): Promise<MessageView[]> {
    const messages = await this.em
      .fork()
      .find(
        Message,
        { orgId: request.orgId, sessionId: request.sessionId, toUserId: null },
        { orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] },
      );
    return messages.map((message) => message.toView());
  }

  private async sender(request: BroadcastRequest): Promise<UserView> {
    try {
      return await this.rpc.request(Requests.getUser, { orgId: request.orgId, userId: request.actorId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.forbidden(
          'Your account does not belong to this organization, so you cannot message this session.',
        );
      }
      throw error;
    }
  }
}
