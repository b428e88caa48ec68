import { Module } from '@nestjs/common';
import { AttemptController } from './attempt.controller';
import { ProctorAttemptRecoveryController } from './proctor-attempt-recovery.controller';
import { ProctorAttemptsController } from './proctor-attempts.controller';

/** The candidate's attempt, the proctor's clock controls per candidate and their recovery after a technical problem. */
@Module({ controllers: [AttemptController, ProctorAttemptsController, ProctorAttemptRecoveryController] })
export class ExamModule {}
