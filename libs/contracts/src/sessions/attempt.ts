import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { AttemptStatus } from '../enums';
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

  @IsInt({ message: 'selectedOption must be the index of one option' })
  @Min(0)
  @Max(50)
  selectedOption!: number;
}

export class SaveAnswerRequest extends AttemptRequest {
  @IsUUID()
  questionId!: string;

  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  clientSeq!: number;

  @IsInt()
  @Min(0)
  @Max(50)
  selectedOption!: number;
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
  prompt: string;
  options: string[];
  points: number;
}

export interface AttemptView {
  id: string;
  sessionId: string;
  sessionName: string;
  status: AttemptStatus;
  questions: CandidateQuestionView[];
  answers: { questionId: string; selectedOption: number; clientSeq: number }[];
  answeredCount: number;
  remainingSeconds: number;
  submittedAt: string | null;
}
