import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { GatewayEnv } from '../config/env';
import { ThrottlingModule } from '../throttling/throttling.module';
import { AuthController } from './auth.controller';
import { InvitationAuthController } from './invitation-auth.controller';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';

/** Password and invitation sign-in, and the tokens every other area verifies. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => ({
        secret: env.JWT_SECRET,
        signOptions: { expiresIn: env.JWT_TTL_SECONDS, issuer: 'invigil' },
        verifyOptions: { issuer: 'invigil' },
      }),
    }),
    ThrottlingModule,
  ],
  controllers: [AuthController, InvitationAuthController],
  providers: [TokenService, SignInThrottle],
  exports: [TokenService],
})
export class AuthModule {}
