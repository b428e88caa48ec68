import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { ProctoredSessionsModule } from '../sessions/sessions.module';
import { ScheduledStartWorker } from './scheduled-start.worker';
import { SessionLifecycleController } from './session-lifecycle.controller';
import { SessionLifecycleService } from './session-lifecycle.service';

/** Start, pause, resume, end and cancel, carried through to every running attempt; and the scheduled-start job. */
@Module({
  imports: [ProctoredSessionsModule, AttemptsModule],
  controllers: [SessionLifecycleController],
  providers: [SessionLifecycleService, ScheduledStartWorker],
})
export class SessionLifecycleModule {}
