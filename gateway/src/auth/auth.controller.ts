import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, LoginRequest, LoginResponse, Requests, UserView } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Public } from './current-user';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { GatewayEnv } from '../config/env';
import { ApiReturns } from '../openapi/api-returns';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
    private readonly env: GatewayEnv,
    private readonly throttle: SignInThrottle,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginRequest })
  @ApiReturns.one(200, 'LoginResponse')
  async login(@Body() body: LoginRequest, @Ip() address: string): Promise<LoginResponse> {
    const user = await this.throttle.attempt({ email: body.email }, address, () =>
      this.rpc.request(Requests.login, { email: body.email, password: body.password }),
    );
    return { accessToken: await this.tokens.issue(user), expiresInSeconds: this.env.JWT_TTL_SECONDS, user };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiReturns.one(200, 'UserView')
  me(@CurrentUser() user: AccessTokenClaims): Promise<UserView> {
    return this.rpc.request(Requests.getUser, { orgId: user.orgId, userId: user.sub });
  }
}
