import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  LiveSessionView,
  ParticipantView,
  PauseSessionBody,
  Requests,
  RescheduleLiveBody,
  SessionSettingsBody,
  SessionView,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { SessionAccess } from '../access/session-access';
import { ApiReturns } from '../openapi/api-returns';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Get()
  @Roles(...STAFF)
  @ApiReturns.list(200, 'SessionView')
  list(@CurrentUser() user: AccessTokenClaims): Promise<SessionView[]> {
    return this.rpc.request(Requests.listSessions, { orgId: user.orgId });
  }

  @Post()
  @Roles(...STAFF)
  @ApiBody({ type: SessionSettingsBody })
  @ApiReturns.one(201, 'SessionView')
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: SessionSettingsBody): Promise<SessionView> {
    return this.rpc.request(Requests.createSession, { orgId: user.orgId, actorId: user.sub, settings: body });
  }

  /** Edit or reschedule before the start; the roster and any partial progress are kept. */
  @Put(':sessionId')
  @Roles(...STAFF)
  @ApiBody({ type: SessionSettingsBody })
  @ApiReturns.one(200, 'SessionView')
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: SessionSettingsBody,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.updateSession, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      settings: body,
    });
  }

  /** Staff of the organization, or a candidate on the session's roster. */
  @Get(':sessionId')
  @ApiReturns.one(200, 'SessionView')
  async get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SessionView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.getSession, { orgId: user.orgId, sessionId });
  }

  @Post(':sessionId/start')
  @Roles(...STAFF)
  @ApiReturns.one(201, 'SessionView')
  start(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.startSession, { orgId: user.orgId, actorId: user.sub, sessionId });
  }

  @Post(':sessionId/pause')
  @Roles(...STAFF)
  @ApiReturns.one(201, 'SessionView')
  @ApiBody({ type: PauseSessionBody })
  pause(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: PauseSessionBody,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.pauseSession, { orgId: user.orgId, actorId: user.sub, sessionId, ...body });
  }

  /**
   * Reschedule a started or paused session: every attempt in progress is paused with its answers and
   * remaining time and resumes at `startsAt`; candidates are told by message and email.
   */
  @Post(':sessionId/reschedule-live')
  @Roles(...STAFF)
  @ApiBody({ type: RescheduleLiveBody })
  @ApiReturns.one(201, 'SessionView')
  rescheduleLive(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: RescheduleLiveBody,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.rescheduleLiveSession, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      ...body,
    });
  }

  @Post(':sessionId/resume')
  @Roles(...STAFF)
  @ApiReturns.one(201, 'SessionView')
  resume(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.resumeSession, { orgId: user.orgId, actorId: user.sub, sessionId });
  }

  /** End Session: candidates still writing get the session's grace period (graceEndsAt), then all is submitted. */
  @Post(':sessionId/end')
  @Roles(...STAFF)
  @ApiReturns.one(201, 'SessionView')
  end(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.endSession, { orgId: user.orgId, actorId: user.sub, sessionId });
  }

  @Post(':sessionId/cancel')
  @Roles(...STAFF)
  @ApiReturns.one(201, 'SessionView')
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<SessionView> {
    return this.rpc.request(Requests.cancelSession, { orgId: user.orgId, actorId: user.sub, sessionId });
  }

  @Get(':sessionId/live')
  @Roles(...STAFF)
  @ApiReturns.one(200, 'LiveSessionView')
  async live(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<LiveSessionView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.getLiveSession, { orgId: user.orgId, sessionId });
  }

  @Get(':sessionId/participants')
  @Roles(...STAFF)
  @ApiReturns.list(200, 'ParticipantView')
  async participants(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<ParticipantView[]> {
    // The roster service answers an unknown session with an empty list; a foreign id must be a 404.
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listParticipants, { orgId: user.orgId, sessionId });
  }
}
