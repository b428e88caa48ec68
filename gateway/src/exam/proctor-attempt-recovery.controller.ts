import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  AttemptSummaryView,
  CreditAttemptBody,
  ReopenAttemptBody,
  Requests,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** The proctor's answers to a technical problem with one candidate: reopen, credit lost time, release the view. */
@ApiTags('attempts')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('sessions/:sessionId/attempts/:userId')
export class ProctorAttemptRecoveryController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('reopen')
  @HttpCode(200)
  @ApiBody({ type: ReopenAttemptBody })
  @ApiReturns.one(200, 'AttemptSummaryView')
  reopen(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: ReopenAttemptBody,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.reopenAttempt, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      userId,
      reason: body.reason,
      minutes: body.minutes,
    });
  }

  @Post('credit')
  @HttpCode(200)
  @ApiBody({ type: CreditAttemptBody })
  @ApiReturns.one(200, 'AttemptSummaryView')
  credit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: CreditAttemptBody,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.creditAttempt, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      userId,
      seconds: body.seconds,
    });
  }

  @Post('release-view')
  @HttpCode(200)
  @ApiReturns.one(200, 'AttemptSummaryView')
  releaseView(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<AttemptSummaryView> {
    return this.rpc.request(Requests.releaseAttemptView, { orgId: user.orgId, actorId: user.sub, sessionId, userId });
  }
}
