import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  AddParticipantsBody,
  ParticipantView,
  Requests,
  Role,
  UpdateTimeLimitBody,
  UserSearchPage,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** Manual roster management: search the organization's users, add, remove, individual limits. */
@ApiTags('enrollment')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller()
export class RosterController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('users')
  @ApiQuery({ name: 'query', required: false, description: 'part of a name or email' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiQuery({
    name: 'role',
    required: false,
    isArray: true,
    description: 'repeat to allow several roles, e.g. role=proctor&role=admin',
  })
  @ApiReturns.one(200, 'UserSearchPage')
  search(
    @CurrentUser() user: AccessTokenClaims,
    @Query('query') query?: string,
    @Query('page', new ParseIntPipe({ optional: true })) page?: number,
    @Query('pageSize', new ParseIntPipe({ optional: true })) pageSize?: number,
    @Query('role') role?: string | string[],
  ): Promise<UserSearchPage> {
    // Unknown roles are refused by the enrollment service's validation, with the allowed values.
    const roles = role === undefined ? undefined : ([] as string[]).concat(role);
    return this.rpc.request(Requests.searchUsers, {
      orgId: user.orgId,
      query,
      page,
      pageSize,
      roles: roles as Role[] | undefined,
    });
  }

  @Post('sessions/:sessionId/participants')
  @ApiBody({ type: AddParticipantsBody })
  @ApiReturns.list(201, 'ParticipantView')
  add(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: AddParticipantsBody,
  ): Promise<ParticipantView[]> {
    return this.rpc.request(Requests.addParticipants, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      entries: body.entries,
      sendInvitation: body.sendInvitation,
    });
  }

  @Delete('sessions/:sessionId/participants/:participantId')
  @HttpCode(200)
  @ApiReturns.one(200, 'ParticipantView')
  remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('participantId', uuidParam('participantId')) participantId: string,
  ): Promise<ParticipantView> {
    return this.rpc.request(Requests.removeParticipant, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      participantId,
    });
  }

  /** Mails a fresh one-time sign-in link to a participant who is still Invited. */
  @Post('sessions/:sessionId/participants/:participantId/invitation')
  @HttpCode(200)
  @ApiReturns.one(200, 'ParticipantView')
  resendInvitation(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('participantId', uuidParam('participantId')) participantId: string,
  ): Promise<ParticipantView> {
    return this.rpc.request(Requests.resendInvitation, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      participantId,
    });
  }

  @Put('sessions/:sessionId/participants/:participantId/time-limit')
  @ApiBody({ type: UpdateTimeLimitBody })
  @ApiReturns.one(200, 'ParticipantView')
  updateTimeLimit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('participantId', uuidParam('participantId')) participantId: string,
    @Body() body: UpdateTimeLimitBody,
  ): Promise<ParticipantView> {
    return this.rpc.request(Requests.updateParticipantTimeLimit, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      participantId,
      timeLimitMinutes: body.timeLimitMinutes ?? null,
      timeLimitMultiplier: body.timeLimitMultiplier ?? null,
    });
  }
}
