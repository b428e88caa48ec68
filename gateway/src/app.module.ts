import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GatewayPlatformModule } from '@invigil/server-platform';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { GatewayConfigModule } from './config/config.module';
import { GatewayEnv } from './config/env';
import { DevModule } from './dev/dev.module';
import { EnrollmentModule } from './enrollment/enrollment.module';
import { ExamModule } from './exam/exam.module';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { GatewayMetricsModule } from './metrics/metrics.module';
import { MessagesModule } from './messages/messages.module';
import { RealtimeModule } from './realtime/realtime.module';
import { IncidentsModule } from './incidents/incidents.module';
import { RecordModule } from './record/record.module';
import { ResultsModule } from './results/results.module';
import { ReviewModule } from './review/review.module';
import { SafeExamBrowserGuard } from './security/safe-exam-browser.guard';
import { SecurityModule } from './security/security.module';
import { SessionsModule } from './sessions/sessions.module';
import { CallerThrottlerGuard } from './auth/caller-throttler.guard';
import { ThrottlingModule } from './throttling/throttling.module';
import { VerificationModule } from './verification/verification.module';

@Module({})
export class GatewayModule implements NestModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayPlatformModule.forRoot(env),
        GatewayConfigModule.forRoot(env),
        GatewayMetricsModule,
        ThrottlingModule,
        AuthModule,
        SessionsModule,
        EnrollmentModule,
        ExamModule,
        SecurityModule,
        ResultsModule,
        VerificationModule,
        ReviewModule,
        RecordModule,
        IncidentsModule,
        MessagesModule,
        RealtimeModule,
        // The dev outbox reads invitation mails from disk: never reachable in production.
        ...(env.NODE_ENV !== 'production' ? [DevModule] : []),
      ],
      // Guards run in this order: the limit first (it reads the token itself, so a flood of bad
      // tokens is limited too), then who the caller is, then the exam's browser requirement.
      providers: [
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: SafeExamBrowserGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
