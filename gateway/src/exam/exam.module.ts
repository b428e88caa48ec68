import { Module } from '@nestjs/common';
import { AttemptController } from './attempt.controller';
import { ProctorAttemptsController } from './proctor-attempts.controller';

/** The candidate's attempt and the proctor's clock controls per candidate. */
@Module({ controllers: [AttemptController, ProctorAttemptsController] })
export class ExamModule {}
