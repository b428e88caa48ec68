import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BroadcastRequest,
  Events,
  MessageSenderRole,
  MessageView,
  SendPrivateMessageRequest,
  WriteToStaffRequest,
} from '@invigil/contracts';
import { normalizeMessageBody } from '@invigil/domain';
import { EmitEvent, Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { SessionPeople } from '../people/session-people';
import { Message } from './message.entity';
import { messageSentEvent } from './message-text';

interface Draft {
  orgId: string;
  sessionId: string;
  senderId: string;
  senderRole: MessageSenderRole;
  senderName: string;
  body: string;
}

/**
 * Writing messages. Every message is stored and announced in one transaction: it is either in the
 * log and on its way, or neither. Recipients are checked against the roster before anything is written.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly outbox: Outbox,
    private readonly people: SessionPeople,
  ) {}

  /** To everyone, or to the candidates in `recipientUserIds` only. */
  async broadcast(request: BroadcastRequest): Promise<MessageView> {
    const body = checkedBody(request.body);
    const recipients = request.recipientUserIds ? [...new Set(request.recipientUserIds)] : null;
    if (recipients)
      await this.people.assertCandidates(request.orgId, request.sessionId, recipients, 'recipientUserIds');
    const sender = await this.people.writer(request.orgId, request.actorId);
    const draft = {
      ...request,
      senderId: sender.id,
      senderRole: 'staff' as const,
      senderName: sender.displayName,
      body,
    };
    return this.outbox.transaction(async (em, emit) => {
      const [message] = await write(
        em,
        emit,
        [{ kind: 'broadcast', toUserId: null, recipientUserIds: recipients }],
        draft,
      );
      return (message as Message).toView();
    });
  }

  /** One private message into each named candidate's thread (a selection gets one message per thread). */
  async sendPrivate(request: SendPrivateMessageRequest): Promise<MessageView[]> {
    if (request.viewerSide !== 'staff') {
      throw RpcError.forbidden(
        'Only the staff of a session write to chosen candidates; write to your proctor instead.',
      );
    }
    const body = checkedBody(request.body);
    const toUserIds = [...new Set(request.toUserIds)];
    await this.people.assertCandidates(request.orgId, request.sessionId, toUserIds, 'toUserIds');
    const sender = await this.people.writer(request.orgId, request.viewerId);
    const draft = {
      ...request,
      senderId: sender.id,
      senderRole: 'staff' as const,
      senderName: sender.displayName,
      body,
    };
    const addressed = toUserIds.map((toUserId) => ({ kind: 'private' as const, toUserId, recipientUserIds: null }));
    return this.outbox.transaction(async (em, emit) => {
      const messages = await write(em, emit, addressed, draft);
      return messages.map((message) => message.toView());
    });
  }

  /** A candidate writes to the session's staff: always into their own thread, never to anyone they choose. */
  async writeToStaff(request: WriteToStaffRequest): Promise<MessageView> {
    if (request.viewerSide !== 'candidate') {
      throw RpcError.forbidden("Staff write into a candidate's thread with a private message, naming the candidate.");
    }
    const body = checkedBody(request.body);
    const roster = await this.people.candidates(request.orgId, request.sessionId);
    if (!roster.has(request.viewerId)) {
      throw RpcError.forbidden("You are not on this session's roster, so you cannot write to its proctor.");
    }
    const sender = await this.people.writer(request.orgId, request.viewerId);
    const draft = {
      ...request,
      senderId: sender.id,
      senderRole: 'candidate' as const,
      senderName: sender.displayName,
      body,
    };
    return this.outbox.transaction(async (em, emit) => {
      const [message] = await write(
        em,
        emit,
        [{ kind: 'private', toUserId: sender.id, recipientUserIds: null }],
        draft,
      );
      return (message as Message).toView();
    });
  }
}

function checkedBody(body: string): string {
  const checked = normalizeMessageBody(body);
  if (!checked.ok) throw RpcError.invalid(checked.reason, [`body: ${checked.reason}`]);
  return checked.body;
}

type Addressing = Pick<Message, 'kind' | 'toUserId' | 'recipientUserIds'>;

/** Creates the messages, numbers them (flush), and queues one event each. */
async function write(em: EntityManager, emit: EmitEvent, addressed: Addressing[], draft: Draft): Promise<Message[]> {
  const sentAt = new Date();
  const messages = addressed.map((addressing) =>
    em.create(Message, {
      id: randomUUID(),
      orgId: draft.orgId,
      sessionId: draft.sessionId,
      senderId: draft.senderId,
      senderRole: draft.senderRole,
      senderName: draft.senderName,
      body: draft.body,
      sentAt,
      ...addressing,
    }),
  );
  await em.flush();
  for (const message of messages) emit(Events.messageSent, messageSentEvent(message));
  return messages;
}
