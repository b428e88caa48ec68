import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { ProctoredSessionsModule } from '../sessions/sessions.module';
import { LiveRescheduleService } from './live-reschedule.service';
import { ScheduledStartWorker } from './scheduled-start.worker';
import { SessionEndingQueue } from './session-ending-queue';
import { SessionEndingService } from './session-ending.service';
import { SessionEndingWorker } from './session-ending.worker';
import { SessionLifecycleController } from './session-lifecycle.controller';
import { SessionLifecycleService } from './session-lifecycle.service';

/**
 * Start, pause, resume, end (with grace) and cancel, carried through to every running attempt; the
 * live reschedule; the scheduled-start and session-ending jobs.
 */
@Module({
  imports: [ProctoredSessionsModule, AttemptsModule],
  controllers: [SessionLifecycleController],
  providers: [
    SessionLifecycleService,
    SessionEndingService,
    LiveRescheduleService,
    ScheduledStartWorker,
    SessionEndingQueue,
    SessionEndingWorker,
  ],
})
export class SessionLifecycleModule {}
