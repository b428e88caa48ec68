import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { PinnedQuestionsCache } from './assessments/pinned-questions';
import { AnswerSavingService } from './attempts/answer-saving.service';
import { AttemptsController } from './attempts/attempts.controller';
import { AttemptControlService } from './attempts/attempt-control.service';
import { AttemptPositionService } from './attempts/attempt-position.service';
import { AttemptPresenceService } from './attempts/attempt-presence.service';
import { AttemptsService } from './attempts/attempts.service';
import { DeadlineQueue } from './attempts/deadline-queue';
import { DeadlineWorker } from './attempts/deadline.worker';
import { PresenceSweeper } from './attempts/presence-sweeper';
import { EnrollmentRoster } from './attempts/enrollment-roster';
import { SessionsEnv } from './config/env';
import { sessionsEntities } from './entities';
import { sessionsMigrations } from './migrations';
import { SessionCreationService } from './sessions/session-creation.service';
import { SessionsController } from './sessions/sessions.controller';
import { ScheduledStartQueue } from './sessions/scheduled-start-queue';
import { ScheduledStartWorker } from './sessions/scheduled-start.worker';
import { SessionsService } from './sessions/sessions.service';

@Module({})
export class SessionsModule {
  static forRoot(env: SessionsEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: SessionsModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'sessions',
          env,
          entities: sessionsEntities,
          migrations: sessionsMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
      ],
      controllers: [AssessmentsController, SessionsController, AttemptsController],
      providers: [
        { provide: SessionsEnv, useValue: env },
        AssessmentsService,
        SessionsService,
        SessionCreationService,
        ScheduledStartQueue,
        ScheduledStartWorker,
        AttemptsService,
        AnswerSavingService,
        PinnedQuestionsCache,
        AttemptPositionService,
        AttemptPresenceService,
        AttemptControlService,
        DeadlineQueue,
        DeadlineWorker,
        PresenceSweeper,
        EnrollmentRoster,
      ],
    };
  }
}
