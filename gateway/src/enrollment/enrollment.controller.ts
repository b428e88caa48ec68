import { Body, Controller, Get, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, JoinWithCodeBody, ParticipantView, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles } from '../auth/current-user';
import { JoinThrottle } from './join-throttle';
import { ApiReturns } from '../openapi/api-returns';

@ApiTags('enrollment')
@ApiBearerAuth()
@Roles(Role.Candidate)
@Controller()
export class EnrollmentController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly throttle: JoinThrottle,
  ) {}

  @Post('enrollment/join')
  @ApiBody({ type: JoinWithCodeBody })
  @ApiReturns.one(201, 'ParticipantView')
  join(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: JoinWithCodeBody,
    @Ip() address: string,
  ): Promise<ParticipantView> {
    return this.throttle.attempt(user.sub, address, () =>
      this.rpc.request(Requests.joinWithCode, { orgId: user.orgId, userId: user.sub, code: body.code }),
    );
  }

  @Get('me/participations')
  @ApiReturns.list(200, 'ParticipantView')
  async mine(@CurrentUser() user: AccessTokenClaims): Promise<ParticipantView[]> {
    const mine = await this.rpc.request(Requests.listMyParticipations, { orgId: user.orgId, userId: user.sub });
    const names = new Map<string, string>();
    await Promise.all(
      [...new Set(mine.map((participation) => participation.sessionId))].map(async (sessionId) => {
        // A session sessions cannot answer for right now is listed without its name rather than not at all.
        const session = await this.rpc.request(Requests.getSession, { orgId: user.orgId, sessionId }).catch(() => null);
        if (session) names.set(sessionId, session.name);
      }),
    );
    return mine.map((participation) => {
      const sessionName = names.get(participation.sessionId);
      return sessionName ? { ...participation, sessionName } : participation;
    });
  }
}
