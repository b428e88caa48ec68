import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  BroadcastBody,
  CandidateMessageBody,
  ListMessagesQuery,
  MessageReceiptsBody,
  MessageView,
  PrivateMessageBody,
  ReceiptsRecordedView,
  Requests,
  Role,
  UnreadCountsView,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { chatViewer } from './chat-viewer';

/**
 * A session's messages. Staff and candidates use the same routes and each sees their side: staff
 * every thread, a candidate their own thread and what was broadcast to them.
 */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('sessions/:sessionId/messages')
export class MessagesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  /** Oldest first. `after`: only messages after that seq, the catch-up of a reconnecting page. */
  @Get()
  @ApiQuery({ name: 'after', required: false, type: Number, description: 'the seq of the last message held' })
  @ApiQuery({ name: 'candidate', required: false, type: String, description: "staff: one candidate's thread" })
  @ApiReturns.list(200, 'MessageView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: ListMessagesQuery,
  ): Promise<MessageView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listMessages, {
      ...chatViewer(user, sessionId),
      ...(query.after !== undefined ? { afterSeq: query.after } : {}),
      ...(query.candidate && user.role !== Role.Candidate ? { candidateId: query.candidate } : {}),
    });
  }

  /** A broadcast: to everyone, or to `recipientUserIds` only (e.g. the candidates a filter shows). */
  @Post()
  @Roles(...STAFF)
  @ApiBody({ type: BroadcastBody })
  @ApiReturns.one(201, 'MessageView')
  async broadcast(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: BroadcastBody,
  ): Promise<MessageView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.broadcast, { orgId: user.orgId, actorId: user.sub, sessionId, ...body });
  }

  /** Staff: one private message into each named candidate's thread. */
  @Post('private')
  @Roles(...STAFF)
  @ApiBody({ type: PrivateMessageBody })
  @ApiReturns.list(201, 'MessageView')
  async sendPrivate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: PrivateMessageBody,
  ): Promise<MessageView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.sendPrivateMessage, { ...chatViewer(user, sessionId), ...body });
  }

  /** A candidate asks the session's staff (no recipient to choose: their own thread). */
  @Post('to-staff')
  @Roles(Role.Candidate)
  @ApiBody({ type: CandidateMessageBody })
  @ApiReturns.one(201, 'MessageView')
  async writeToStaff(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: CandidateMessageBody,
  ): Promise<MessageView> {
    await this.access.assertOnRoster(user, sessionId);
    return this.rpc.request(Requests.writeToStaff, { ...chatViewer(user, sessionId), body: body.body });
  }

  /** What reached this page (delivered) or was shown on it (read); repeats record nothing. */
  @Post('receipts')
  @HttpCode(200)
  @ApiBody({ type: MessageReceiptsBody })
  @ApiReturns.one(200, 'ReceiptsRecordedView')
  async receipts(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: MessageReceiptsBody,
  ): Promise<ReceiptsRecordedView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.recordReceipts, { ...chatViewer(user, sessionId), ...body });
  }

  @Get('unread')
  @ApiReturns.one(200, 'UnreadCountsView')
  async unread(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<UnreadCountsView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.unreadCounts, chatViewer(user, sessionId));
  }
}
