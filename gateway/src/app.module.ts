import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { GatewayPlatformModule } from '@invigil/server-platform';
import { AssessmentsController } from './api/assessments.controller';
import { AttemptController } from './api/attempt.controller';
import { AuthController } from './api/auth.controller';
import { CertificatesController } from './api/certificates.controller';
import { DevMailController } from './api/dev-mail.controller';
import { EnrollmentController } from './api/enrollment.controller';
import { IdentityController } from './api/identity.controller';
import { InvitationAuthController } from './api/invitation-auth.controller';
import { RosterImportController } from './api/roster-import.controller';
import { ProctorAttemptsController } from './api/proctor-attempts.controller';
import { RosterController } from './api/roster.controller';
import { SafeExamBrowserCheck } from './api/safe-exam-browser';
import { SafeExamBrowserGuard } from './api/safe-exam-browser.guard';
import { SessionAccess } from './api/session-access';
import { SessionsController } from './api/sessions.controller';
import { SignalsController } from './api/signals.controller';
import { SnapshotsController } from './api/snapshots.controller';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { GatewayEnv } from './config/env';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { EventFanout } from './realtime/event-fanout';
import { PresenceTracker } from './realtime/presence-tracker';
import { RealtimeGateway } from './realtime/realtime.gateway';

@Module({})
export class GatewayModule implements NestModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayPlatformModule.forRoot(env),
        JwtModule.register({
          secret: env.JWT_SECRET,
          signOptions: { expiresIn: env.JWT_TTL_SECONDS, issuer: 'invigil' },
          verifyOptions: { issuer: 'invigil' },
        }),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }]),
      ],
      controllers: [
        AuthController,
        AssessmentsController,
        SessionsController,
        EnrollmentController,
        AttemptController,
        CertificatesController,
        // issue 3, enrollment: manual roster, invitation sign-in, dev outbox (never in production)
        RosterController,
        RosterImportController,
        InvitationAuthController,
        // issue 4, exam runtime: the proctor's clock controls
        ProctorAttemptsController,
        // issue 4, security options: signals, snapshots, identity checks
        SignalsController,
        SnapshotsController,
        IdentityController,
        ...(env.NODE_ENV !== 'production' ? [DevMailController] : []),
      ],
      providers: [
        { provide: GatewayEnv, useValue: env },
        TokenService,
        SessionAccess,
        SafeExamBrowserCheck,
        EventFanout,
        RealtimeGateway,
        PresenceTracker,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the AuthGuard: it needs to know the caller is a candidate.
        { provide: APP_GUARD, useClass: SafeExamBrowserGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
