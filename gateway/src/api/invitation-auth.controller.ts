import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { InvitationLoginResponse, RedeemInvitationRequest, Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { Public } from '../auth/current-user';
import { TokenService } from '../auth/token.service';
import { GatewayEnv } from '../config/env';

const loginLimit = () => Number(process.env['LOGIN_RATE_LIMIT_PER_MINUTE'] ?? 30);

/** The invitation link's landing page posts its token here: one sign-in per link, then it is spent. */
@ApiTags('auth')
@Controller('auth')
export class InvitationAuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
    private readonly env: GatewayEnv,
  ) {}

  @Public()
  @Post('invitation')
  @HttpCode(200)
  @Throttle({ default: { limit: () => loginLimit(), ttl: 60_000 } })
  @ApiBody({ type: RedeemInvitationRequest })
  async redeem(@Body() body: RedeemInvitationRequest): Promise<InvitationLoginResponse> {
    const { user, sessionId } = await this.rpc.request(Requests.redeemInvitation, { token: body.token });
    return { accessToken: await this.tokens.issue(user), expiresInSeconds: this.env.JWT_TTL_SECONDS, user, sessionId };
  }
}
