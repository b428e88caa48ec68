import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { InvitationLoginResponse, RedeemInvitationRequest, Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { Public } from './current-user';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { GatewayEnv } from '../config/env';
import { ApiReturns } from '../openapi/api-returns';

/** The invitation link's landing page posts its token here: one sign-in per link, then it is spent. */
@ApiTags('auth')
@Controller('auth')
export class InvitationAuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
    private readonly env: GatewayEnv,
    private readonly throttle: SignInThrottle,
  ) {}

  @Public()
  @Post('invitation')
  @HttpCode(200)
  @ApiBody({ type: RedeemInvitationRequest })
  @ApiReturns.one(200, 'InvitationLoginResponse')
  async redeem(@Body() body: RedeemInvitationRequest, @Ip() address: string): Promise<InvitationLoginResponse> {
    const { user, sessionId } = await this.throttle.attempt({ invitation: body.token }, address, () =>
      this.rpc.request(Requests.redeemInvitation, { token: body.token }),
    );
    return { accessToken: await this.tokens.issue(user), expiresInSeconds: this.env.JWT_TTL_SECONDS, user, sessionId };
  }
}
