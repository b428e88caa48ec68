import { Module } from '@nestjs/common';
import { ScheduledStartQueue } from './scheduled-start-queue';
import { SessionCreationService } from './session-creation.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/**
 * Proctored sessions: creation, settings, enrollment codes, views, and the delayed job of a scheduled
 * start. Offers the scheduled-start queue to the lifecycle, which starts and cancels sessions.
 * (Named apart from the service's root `SessionsModule`.)
 */
@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionCreationService, ScheduledStartQueue],
  exports: [ScheduledStartQueue],
})
export class ProctoredSessionsModule {}
