import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { AnswerValue } from '../sessions/answer-value';
import { SessionEvent } from './session-events';

/** Attempt events (sessions service): progress for monitoring, submissions for scoring. */
export class AttemptProgressedEvent extends SessionEvent {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  userId!: string;

  @IsInt()
  @Min(0)
  answeredCount!: number;

  @IsInt()
  @Min(0)
  totalQuestions!: number;
}

export class SubmittedAnswer {
  @IsUUID()
  questionId!: string;

  @ValidateNested()
  @Type(() => AnswerValue)
  answer!: AnswerValue;
}

export class AttemptSubmittedEvent extends SessionEvent {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  userId!: string;

  @IsUUID()
  assessmentVersionId!: string;

  @IsISO8601()
  submittedAt!: string;

  @ValidateNested({ each: true })
  @Type(() => SubmittedAnswer)
  answers!: SubmittedAnswer[];
}
