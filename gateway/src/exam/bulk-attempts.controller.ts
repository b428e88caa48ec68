import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, BulkAttemptBody, BulkAttemptResult } from '@invigil/contracts';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { BulkAttempts } from './bulk-attempts';

/** The dashboard's bulk actions: pause, resume or extend many candidates, with an outcome for each. */
@ApiTags('attempts')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('sessions/:sessionId/attempts/bulk')
export class BulkAttemptsController {
  constructor(private readonly bulk: BulkAttempts) {}

  /** 200 even when some candidates were refused: each outcome says what happened to that candidate and why. */
  @Post()
  @HttpCode(200)
  @ApiBody({ type: BulkAttemptBody })
  @ApiReturns.one(200, 'BulkAttemptResult')
  run(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: BulkAttemptBody,
  ): Promise<BulkAttemptResult> {
    return this.bulk.run(user, sessionId, body);
  }
}
