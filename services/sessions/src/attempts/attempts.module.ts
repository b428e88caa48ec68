import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AnswerSavingService } from './answer-saving.service';
import { ProgressCoalescer } from './progress-coalescer';
import { AttemptControlService } from './attempt-control.service';
import { AttemptPositionService } from './attempt-position.service';
import { AttemptPresenceService } from './attempt-presence.service';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptRecoveryService } from './attempt-recovery.service';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { TimeWarnings } from './time-warnings';
import { DeadlineQueue } from './deadline-queue';
import { DeadlineWorker } from './deadline.worker';
import { EnrollmentRoster } from './enrollment-roster';
import { PresenceSweeper } from './presence-sweeper';

/**
 * The candidate's attempt at a session: opening, saving, position and flags, the live view, the
 * proctor's per-candidate clock controls and recovery (reopen, credit, release the view), and the
 * deadline job. Offers the deadline queue to the session lifecycle, whose resume moves every
 * running attempt's deadline.
 */
@Module({
  imports: [AssessmentsModule],
  controllers: [AttemptsController],
  providers: [
    AttemptsService,
    TimeWarnings,
    AnswerSavingService,
    ProgressCoalescer,
    AttemptPositionService,
    AttemptPresenceService,
    AttemptControlService,
    AttemptRecoveryService,
    AttemptProgressService,
    DeadlineQueue,
    DeadlineWorker,
    PresenceSweeper,
    EnrollmentRoster,
  ],
  exports: [DeadlineQueue],
})
export class AttemptsModule {}
