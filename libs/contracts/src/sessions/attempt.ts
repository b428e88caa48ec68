import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AnswerValue } from './answer-value';
import { AttemptStatus, QuestionType } from '../enums';
import { OrgScopedRequest } from '../scoped';

export class AttemptRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;

  @IsUUID()
  sessionId!: string;
}

/** Body of PUT /api/sessions/:sessionId/attempt/answers/:questionId. */
export class SaveAnswerBody {
  /** Increases with every change the candidate makes; an older number never overwrites a newer one. */
  @IsInt({ message: 'clientSeq must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  clientSeq!: number;

  @ValidateNested()
  @Type(() => AnswerValue)
  @IsDefined({ message: 'answer is required' })
  answer!: AnswerValue;
}

export class SaveAnswerRequest extends AttemptRequest {
  @IsUUID()
  questionId!: string;

  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  clientSeq!: number;

  @ValidateNested()
  @Type(() => AnswerValue)
  @IsDefined({ message: 'answer is required' })
  answer!: AnswerValue;
}

/** Sent only after the answer is committed in PostgreSQL. */
export interface SaveAnswerAck {
  questionId: string;
  clientSeq: number;
  /** The sequence now stored: higher than clientSeq when a newer save already won. */
  storedSeq: number;
  answeredCount: number;
  savedAt: string;
}

export interface CandidateQuestionView {
  id: string;
  sectionId: string;
  type: QuestionType;
  prompt: string;
  /** Choice questions only; empty otherwise. */
  options: string[];
  points: number;
  /** Essays only: the word limit, or null for none. */
  maxWords: number | null;
}

export interface CandidateSectionView {
  id: string;
  title: string;
}

export interface AttemptView {
  id: string;
  sessionId: string;
  sessionName: string;
  status: AttemptStatus;
  sections: CandidateSectionView[];
  questions: CandidateQuestionView[];
  answers: { questionId: string; answer: AnswerValue; clientSeq: number }[];
  answeredCount: number;
  remainingSeconds: number;
  submittedAt: string | null;
}
