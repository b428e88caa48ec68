import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  AttemptView,
  FlagQuestionBody,
  NavigateBody,
  Requests,
  Role,
  SaveAnswerAck,
  SaveAnswerBody,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** The candidate's own attempt; the user id always comes from the token, never from the request. */
@ApiTags('attempt')
@ApiBearerAuth()
@Roles(Role.Candidate)
@Controller('sessions/:sessionId')
export class AttemptController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('attempt')
  @ApiReturns.one(200, 'AttemptView')
  open(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<AttemptView> {
    return this.rpc.request(Requests.openAttempt, { orgId: user.orgId, userId: user.sub, sessionId });
  }

  /** Answered only after the answer is committed in PostgreSQL. */
  @Put('attempt/answers/:questionId')
  @ApiBody({ type: SaveAnswerBody })
  @ApiReturns.one(200, 'SaveAnswerAck')
  save(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('questionId', uuidParam('questionId')) questionId: string,
    @Body() body: SaveAnswerBody,
  ): Promise<SaveAnswerAck> {
    return this.rpc.request(Requests.saveAnswer, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      questionId,
      ...body,
    });
  }

  /** The question the candidate is on: the exam resumes there, and time per question is kept from it. */
  @Put('attempt/position')
  @ApiBody({ type: NavigateBody })
  @ApiReturns.object(200, 'the question the candidate is on', { currentQuestionId: { type: 'string', format: 'uuid' } })
  navigate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: NavigateBody,
  ): Promise<{ currentQuestionId: string }> {
    return this.rpc.request(Requests.navigateAttempt, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      questionId: body.questionId,
    });
  }

  @Put('attempt/flags/:questionId')
  @ApiBody({ type: FlagQuestionBody })
  @ApiReturns.object(200, 'the flagged questions', {
    flaggedQuestionIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
  })
  flag(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('questionId', uuidParam('questionId')) questionId: string,
    @Body() body: FlagQuestionBody,
  ): Promise<{ flaggedQuestionIds: string[] }> {
    return this.rpc.request(Requests.flagQuestion, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      questionId,
      flagged: body.flagged,
    });
  }

  @Post('attempt/submit')
  @HttpCode(200)
  @ApiReturns.one(200, 'AttemptView')
  submit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<AttemptView> {
    return this.rpc.request(Requests.submitAttempt, { orgId: user.orgId, userId: user.sub, sessionId });
  }
}
