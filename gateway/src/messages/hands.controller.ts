import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, HandBody, HandView, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { chatViewer } from './chat-viewer';

/** Raised hands: the candidate raises or lowers their own; staff see them all and lower one after helping. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('sessions/:sessionId')
export class HandsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Put('hand')
  @Roles(Role.Candidate)
  @ApiBody({ type: HandBody })
  @ApiReturns.one(200, 'HandView')
  async setMine(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: HandBody,
  ): Promise<HandView> {
    await this.access.assertOnRoster(user, sessionId);
    return this.rpc.request(Requests.setHand, {
      ...chatViewer(user, sessionId),
      userId: user.sub,
      raised: body.raised,
    });
  }

  @Put('hands/:userId')
  @Roles(...STAFF)
  @ApiBody({ type: HandBody })
  @ApiReturns.one(200, 'HandView')
  async lower(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: HandBody,
  ): Promise<HandView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.setHand, { ...chatViewer(user, sessionId), userId, raised: body.raised });
  }

  /** Staff: every hand of the session; a candidate: their own. */
  @Get('hands')
  @ApiReturns.list(200, 'HandView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<HandView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listHands, chatViewer(user, sessionId));
  }
}
