import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  AttemptProgressView,
  AttemptSummaryView,
  ExtendAttemptBody,
  Requests,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** The proctor's minimal clock controls per candidate: list, pause, resume, extend. */
@ApiTags('attempts')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('sessions/:sessionId/attempts')
export class ProctorAttemptsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiReturns.list(200, 'AttemptSummaryView')
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<AttemptSummaryView[]> {
    return this.rpc.request(Requests.listAttempts, { orgId: user.orgId, sessionId });
  }

  /** One candidate's attempt question by question: answered, changes, flags, time per question and section. */
  @Get(':userId/progress')
  @ApiReturns.one(200, 'AttemptProgressView')
  progress(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<AttemptProgressView> {
    return this.rpc.request(Requests.getAttemptProgress, { orgId: user.orgId, sessionId, userId });
  }

  @Post(':userId/pause')
  @HttpCode(200)
  @ApiReturns.one(200, 'AttemptSummaryView')
  pause(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.pauseAttempt, { orgId: user.orgId, actorId: user.sub, sessionId, userId });
  }

  @Post(':userId/resume')
  @HttpCode(200)
  @ApiReturns.one(200, 'AttemptSummaryView')
  resume(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.resumeAttempt, { orgId: user.orgId, actorId: user.sub, sessionId, userId });
  }

  @Post(':userId/extend')
  @HttpCode(200)
  @ApiBody({ type: ExtendAttemptBody })
  @ApiReturns.one(200, 'AttemptSummaryView')
  extend(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: ExtendAttemptBody,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.extendAttempt, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      userId,
      minutes: body.minutes,
      reason: body.reason,
    });
  }
}
