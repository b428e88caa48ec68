import { IsUUID } from 'class-validator';
import { ParticipantStatus } from '../enums';
import { OrgScopedRequest } from '../scoped';

export class GetLiveSessionRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** One row of the proctor dashboard. */
export interface LiveParticipantView {
  participantId: string;
  sessionId: string;
  userId: string;
  displayName: string;
  status: ParticipantStatus;
  answeredCount: number;
  totalQuestions: number;
  scorePercent: number | null;
  lastActivityAt: string;
  /** Alerts raised for this participant's suspicious-activity signals so far. */
  alertCount?: number;
}

export interface LiveSessionView {
  sessionId: string;
  participants: LiveParticipantView[];
  activity: { at: string; text: string }[];
}
