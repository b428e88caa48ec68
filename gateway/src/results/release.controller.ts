import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { AccessTokenClaims, ReleaseOutcome, ReleaseView, SessionResultsView } from '@invigil/contracts';
import { Requests, SessionResultsQuery, UpdateReleaseSettingsBody } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { resultsCsv, resultsXlsx } from './results-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Release of a session's results and its results table, for the session's staff (scoring's). A session
 * of another organization is a 404.
 */
@ApiTags('results')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('sessions/:sessionId')
export class ReleaseController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Get('release')
  @ApiReturns.one(200, 'ReleaseView')
  async get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<ReleaseView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.getRelease, { orgId: user.orgId, sessionId });
  }

  /** When results reach candidates (`immediately`, `after_reviews`, `manual`) and what they show. */
  @Put('release/settings')
  @ApiBody({ type: UpdateReleaseSettingsBody })
  @ApiReturns.one(200, 'ReleaseView')
  async updateSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: UpdateReleaseSettingsBody,
  ): Promise<ReleaseView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.updateReleaseSettings, {
      ...body,
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
    });
  }

  /** The Release button: once per session (a second is a no-op saying so); 409 while reviews block it. */
  @Post('release')
  @HttpCode(200)
  @ApiReturns.one(200, 'ReleaseOutcome')
  async release(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<ReleaseOutcome> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.releaseResults, { orgId: user.orgId, actorId: user.sub, sessionId });
  }

  @Get('results')
  @ApiReturns.one(200, 'SessionResultsView')
  async results(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: SessionResultsQuery,
  ): Promise<SessionResultsView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listSessionResults, { ...query, orgId: user.orgId, sessionId });
  }

  /** The table as CSV, with the same filters; formula-looking cells are neutralised. */
  @Get('results/export.csv')
  @Header('Cache-Control', 'private, no-store')
  @ApiReturns.file('the results table', 'text/csv')
  async csv(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: SessionResultsQuery,
  ): Promise<StreamableFile> {
    const view = await this.results(user, sessionId, query);
    return new StreamableFile(resultsCsv(view.rows), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="results-${sessionId}.csv"`,
    });
  }

  @Get('results/export.xlsx')
  @Header('Cache-Control', 'private, no-store')
  @ApiReturns.file('the results table', XLSX)
  async xlsx(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: SessionResultsQuery,
  ): Promise<StreamableFile> {
    const view = await this.results(user, sessionId, query);
    return new StreamableFile(await resultsXlsx(view.rows), {
      type: XLSX,
      disposition: `attachment; filename="results-${sessionId}.xlsx"`,
    });
  }
}
