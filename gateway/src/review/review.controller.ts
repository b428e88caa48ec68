import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { AccessTokenClaims, ReviewItemView, ReviewQueueView, ReviewSettingsView } from '@invigil/contracts';
import { MarkReviewItemBody, Requests, ReviewQueueQuery, Role, UpdateReviewSettingsBody } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/**
 * Manual review of essays and short answers by the organization's proctors and admins. Reviewers see
 * pseudonyms until an admin reveals identities. Everything is scoped to the caller's organization: an
 * answer or session of another one is a 404.
 */
@ApiTags('review')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller()
export class ReviewController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  /** Counts by question and by candidate, and the answers matching the filters. */
  @Get('sessions/:sessionId/review')
  @ApiReturns.one(200, 'ReviewQueueView')
  async queue(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: ReviewQueueQuery,
  ): Promise<ReviewQueueView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listReviewQueue, { ...query, orgId: user.orgId, sessionId });
  }

  @Get('review/items/:itemId')
  @ApiReturns.one(200, 'ReviewItemView')
  item(
    @CurrentUser() user: AccessTokenClaims,
    @Param('itemId', uuidParam('itemId')) itemId: string,
  ): Promise<ReviewItemView> {
    return this.rpc.request(Requests.getReviewItem, { orgId: user.orgId, itemId });
  }

  /** Marks (or re-marks) one answer; the result is decided when its last answer is marked. */
  @Post('review/items/:itemId/mark')
  @HttpCode(200)
  @ApiBody({ type: MarkReviewItemBody })
  @ApiReturns.one(200, 'ReviewItemView')
  mark(
    @CurrentUser() user: AccessTokenClaims,
    @Param('itemId', uuidParam('itemId')) itemId: string,
    @Body() body: MarkReviewItemBody,
  ): Promise<ReviewItemView> {
    return this.rpc.request(Requests.markReviewItem, { ...body, orgId: user.orgId, actorId: user.sub, itemId });
  }

  /** Double marking and its moderation threshold; applies to the marks given from now on. */
  @Put('sessions/:sessionId/review/settings')
  @ApiBody({ type: UpdateReviewSettingsBody })
  @ApiReturns.one(200, 'ReviewSettingsView')
  async updateSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: UpdateReviewSettingsBody,
  ): Promise<ReviewSettingsView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.updateReviewSettings, {
      ...body,
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
    });
  }

  /** Admins only: from now on the session's reviewers see names; recorded in the session record. */
  @Post('sessions/:sessionId/review/reveal-identities')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiReturns.one(200, 'ReviewSettingsView')
  async reveal(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<ReviewSettingsView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.revealReviewIdentities, { orgId: user.orgId, actorId: user.sub, sessionId });
  }
}
