import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, Requests, ResultView, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** The candidate's own result; the user id comes from the token. */
@ApiTags('results')
@ApiBearerAuth()
@Roles(Role.Candidate)
@Controller('sessions/:sessionId')
export class ResultsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  /** null until scored; 404 for a session the candidate is not on (rather than an empty answer). */
  @Get('result')
  @ApiReturns.oneOrNull(200, 'ResultView', 'the result, or null until it is scored')
  async result(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<ResultView | null> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.getMyResult, { orgId: user.orgId, userId: user.sub, sessionId });
  }
}
