import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AttemptController } from './attempt.controller';
import { BulkAttempts } from './bulk-attempts';
import { BulkAttemptsController } from './bulk-attempts.controller';
import { ProctorAttemptRecoveryController } from './proctor-attempt-recovery.controller';
import { ProctorAttemptsController } from './proctor-attempts.controller';

/**
 * The candidate's attempt, the proctor's clock controls per candidate (one at a time and in bulk)
 * and their recovery after a technical problem.
 */
@Module({
  imports: [AccessModule],
  controllers: [AttemptController, BulkAttemptsController, ProctorAttemptsController, ProctorAttemptRecoveryController],
  providers: [BulkAttempts],
})
export class ExamModule {}
