import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { AccessTokenClaims, IncidentView } from '@invigil/contracts';
import { FileIncidentBody, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/**
 * Incidents staff file on a candidate or a whole session (monitoring's). A session of another
 * organization is a 404 (SessionAccess) before monitoring is asked anything.
 */
@ApiTags('monitoring')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('sessions/:sessionId/incidents')
export class IncidentsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Post()
  @ApiBody({ type: FileIncidentBody })
  @ApiReturns.one(201, 'IncidentView')
  async file(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: FileIncidentBody,
  ): Promise<IncidentView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.fileIncident, {
      ...body,
      orgId: user.orgId,
      sessionId,
      actorId: user.sub,
      actorRole: user.role === Role.Admin ? Role.Admin : Role.Proctor,
    });
  }

  /** Oldest first. */
  @Get()
  @ApiReturns.list(200, 'IncidentView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<IncidentView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listIncidents, { orgId: user.orgId, sessionId });
  }
}
