import { IsUUID } from 'class-validator';
import { ParticipantStatus } from '../enums';
import { OrgScopedRequest } from '../scoped';

export class GetLiveSessionRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** How much an alert matters to the proctor; the rule mapping signal kinds to it is in @invigil/domain. */
export enum AlertSeverity {
  Low = 'low',
  Medium = 'medium',
  High = 'high',
}

/** Open alerts of one candidate per severity. */
export interface AlertCounts {
  low: number;
  medium: number;
  high: number;
}

/**
 * One row of the proctor dashboard. Fields after `lastActivityAt` are optional because rows pushed
 * by monitoring versions from before the dashboard lack them; readers treat absent as zero / false.
 */
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
  /** False from the attempt's disconnection until it reconnects. */
  connected?: boolean;
  /** When the exam view was last heard from (a save, a reconnect, the start of a disconnection). */
  lastSeenAt?: string | null;
  /** Questions flagged for review. */
  flaggedCount?: number;
  /** Open alerts by severity. */
  alerts?: AlertCounts;
  /** Messages from the candidate no staff member has read yet. */
  unreadMessages?: number;
  handRaised?: boolean;
  /** Extra minutes the proctor gave, and disconnected time credited back. */
  extensionMinutes?: number;
  creditedSeconds?: number;
}

/** The counters above the dashboard; computed by `liveCounters` in @invigil/domain from the rows. */
export interface LiveCounters {
  invited: number;
  waiting: number;
  inSession: number;
  disconnected: number;
  complete: number;
  alerts: AlertCounts;
  unreadMessages: number;
  handsRaised: number;
}

export interface LiveSessionView {
  sessionId: string;
  participants: LiveParticipantView[];
  activity: { at: string; text: string }[];
  /** Absent from monitoring versions before the dashboard. */
  counters?: LiveCounters;
}
