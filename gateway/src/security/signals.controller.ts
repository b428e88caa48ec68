import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, RecordSignalBody, Requests, Role, SignalView } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { SessionAccess } from '../access/session-access';
import { ApiReturns } from '../openapi/api-returns';

/** Suspicious-activity signals: the exam page reports them, proctors read them (each also raised an alert). */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('sessions/:sessionId/signals')
export class SignalsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Post()
  @Roles(Role.Candidate)
  @ApiBody({ type: RecordSignalBody })
  @ApiReturns.one(201, 'SignalView')
  async record(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: RecordSignalBody,
  ): Promise<SignalView> {
    await this.access.assertOnRoster(user, sessionId);
    return this.rpc.request(Requests.recordSignal, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      kind: body.kind,
      occurredAt: body.occurredAt,
      detail: body.detail,
    });
  }

  /** Newest first. */
  @Get()
  @Roles(...STAFF)
  @ApiReturns.list(200, 'SignalView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SignalView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listSignals, { orgId: user.orgId, sessionId });
  }
}
