import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { LiveParticipantView, ParticipantStatus } from '@invigil/contracts';

/**
 * One candidate's row on the proctor dashboard. Keyed by session and user because that is what
 * every event carries (progress, submission and result do not name the participant); the
 * participant id and name arrive with the join, which may come after the other events.
 */
@Entity({ tableName: 'live_participant' })
export class LiveParticipant {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid', nullable: true })
  @Unique()
  participantId: string | null = null;

  @Property({ type: 'text', nullable: true })
  displayName: string | null = null;

  @Enum({ items: () => ParticipantStatus, columnType: 'text', nullable: true })
  status: ParticipantStatus | null = null;

  @Property({ type: 'integer' })
  answeredCount = 0;

  @Property({ type: 'integer' })
  totalQuestions = 0;

  @Property({ type: 'double', nullable: true })
  scorePercent: number | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  lastActivityAt!: Date;

  /** When the current status happened: an older status event arriving late does not override it. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  statusAt: Date | null = null;

  /** When the current progress was reported: same rule for answer counts. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  progressAt: Date | null = null;

  /** Alerts raised for this participant's signals. */
  @Property({ type: 'integer' })
  alertCount = 0;

  /** Who paused the attempt while it is paused: a whole-session pause is one line in the feed, not one per candidate. */
  @Property({ type: 'text', nullable: true })
  pausedBy: 'proctor' | 'session' | null = null;

  @Property({ type: 'boolean' })
  connected = true;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  lastSeenAt: Date | null = null;

  @Property({ type: 'integer' })
  flaggedCount = 0;

  /** Open alerts by severity (SIGNAL_SEVERITY in @invigil/domain); alertCount is their sum. */
  @Property({ type: 'integer' })
  alertsLow = 0;

  @Property({ type: 'integer' })
  alertsMedium = 0;

  @Property({ type: 'integer' })
  alertsHigh = 0;

  /** Messages from the candidate that no staff member has read (kept from UnreadMessage rows). */
  @Property({ type: 'integer' })
  unreadMessages = 0;

  @Property({ type: 'boolean' })
  handRaised = false;

  /** When the hand was raised or lowered: an older hand event arriving late does not override it. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  handRaisedAt: Date | null = null;

  @Property({ type: 'integer' })
  extensionMinutes = 0;

  @Property({ type: 'integer' })
  creditedSeconds = 0;

  /** Shown and announced only once the join has told us who this is. */
  isIdentified(): this is this & { participantId: string; displayName: string; status: ParticipantStatus } {
    return this.participantId !== null && this.displayName !== null && this.status !== null;
  }

  toView(
    this: LiveParticipant & { participantId: string; displayName: string; status: ParticipantStatus },
  ): LiveParticipantView {
    return {
      participantId: this.participantId,
      sessionId: this.sessionId,
      userId: this.userId,
      displayName: this.displayName,
      status: this.status,
      answeredCount: this.answeredCount,
      totalQuestions: this.totalQuestions,
      scorePercent: this.scorePercent,
      lastActivityAt: this.lastActivityAt.toISOString(),
      alertCount: this.alertCount,
      connected: this.connected,
      lastSeenAt: this.lastSeenAt?.toISOString() ?? null,
      flaggedCount: this.flaggedCount,
      alerts: { low: this.alertsLow, medium: this.alertsMedium, high: this.alertsHigh },
      unreadMessages: this.unreadMessages,
      handRaised: this.handRaised,
      extensionMinutes: this.extensionMinutes,
      creditedSeconds: this.creditedSeconds,
    };
  }
}
