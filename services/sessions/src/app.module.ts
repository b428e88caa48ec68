import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { AssessmentsModule } from './assessments/assessments.module';
import { AttemptsModule } from './attempts/attempts.module';
import { SessionsEnv } from './config/env';
import { sessionsEntities } from './entities';
import { sessionsMigrations } from './migrations';
import { SessionLifecycleModule } from './session-lifecycle/session-lifecycle.module';
import { ProctoredSessionsModule } from './sessions/sessions.module';

/**
 * The sessions service: the platform and its feature modules. Features depend one way:
 * assessments ← sessions ← attempts ← session-lifecycle. The env is global so every feature's
 * queues and workers can read it.
 */
@Module({})
export class SessionsModule {
  static forRoot(env: SessionsEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: SessionsModule,
      global: true,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'sessions',
          env,
          entities: sessionsEntities,
          migrations: sessionsMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
        AssessmentsModule,
        ProctoredSessionsModule,
        AttemptsModule,
        SessionLifecycleModule,
      ],
      providers: [{ provide: SessionsEnv, useValue: env }],
      exports: [SessionsEnv],
    };
  }
}
