import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AccessTokenClaims, LoginRequest, LoginResponse, Requests, UserView } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Public } from '../auth/current-user';
import { TokenService } from '../auth/token.service';
import { GatewayEnv } from '../config/env';

/** Tighter than the API-wide limit: slows password guessing. Read at call time so tests can lower it. */
const loginLimit = () => Number(process.env['LOGIN_RATE_LIMIT_PER_MINUTE'] ?? 30);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
    private readonly env: GatewayEnv,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Throttle({ default: { limit: () => loginLimit(), ttl: 60_000 } })
  @ApiBody({ type: LoginRequest })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const user = await this.rpc.request(Requests.login, { email: body.email, password: body.password });
    return { accessToken: await this.tokens.issue(user), expiresInSeconds: this.env.JWT_TTL_SECONDS, user };
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: AccessTokenClaims): Promise<UserView> {
    return this.rpc.request(Requests.getUser, { orgId: user.orgId, userId: user.sub });
  }
}
