import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import {
  EnrollmentMode,
  SessionStatus,
  StartMode,
  TimeLimitMode,
  DEFAULT_TIME_WARNING_MINUTES,
} from '@invigil/contracts';
import { FINISHED_SESSION_STATUSES } from '@invigil/domain';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';

/** The partial unique index that keeps a code unique among an organization's sessions still running. */
export const ACTIVE_CODE_INDEX = 'session_org_id_enrollment_code_active_unique';

/** A proctored sitting of one pinned assessment version, joined with an enrollment code. */
@Entity({ tableName: 'session' })
@Index({ properties: ['orgId', 'createdAt'] })
// Codes are reused once a session is over, so uniqueness holds only among sessions still running.
@Index({
  name: ACTIVE_CODE_INDEX,
  expression: `create unique index "${ACTIVE_CODE_INDEX}" on "session" ("org_id", "enrollment_code") where status not in (${FINISHED_SESSION_STATUSES.map((status) => `'${status}'`).join(', ')})`,
})
export class ProctoredSession {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Assessment, { mapToPk: true, fieldName: 'assessment_id' })
  assessmentId!: string;

  /** The version candidates get, fixed at creation: later edits never change a running session. */
  @ManyToOne(() => AssessmentVersion, { mapToPk: true, fieldName: 'assessment_version_id' })
  assessmentVersionId!: string;

  @Property({ type: 'uuid' })
  proctorId!: string;

  /** Stored normalised (upper case, no dashes or spaces). */
  @Property({ type: 'text' })
  enrollmentCode!: string;

  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Enum({ items: () => StartMode, columnType: 'text' })
  startMode!: StartMode;

  /** The scheduled start in UTC (converted from the proctor's local time in `timeZone`). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  scheduledAt: Date | null = null;

  /** Bumped on every reschedule: the delayed job's id carries it, so a moved job replaces the old one. */
  @Property({ type: 'integer' })
  scheduleVersion!: number;

  /** IANA zone the proctor entered the time in; shown back to them and used for invitations. */
  @Property({ type: 'text' })
  timeZone!: string;

  @Enum({ items: () => EnrollmentMode, columnType: 'text' })
  enrollmentMode!: EnrollmentMode;

  @Property({ type: 'integer', nullable: true })
  maxUsers: number | null = null;

  @Property({ type: 'boolean' })
  lateEntry!: boolean;

  @Property({ type: 'integer', nullable: true })
  lateEntryMinutes: number | null = null;

  @Enum({ items: () => TimeLimitMode, columnType: 'text' })
  timeLimitMode!: TimeLimitMode;

  @Property({ type: 'integer' })
  gracePeriodSeconds!: number;

  /** Minutes before each candidate's deadline at which the server warns them (largest first). */
  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: `'[10, 5, 1]'` })
  timeWarningMinutes: number[] = [...DEFAULT_TIME_WARNING_MINUTES];

  @Property({ type: 'boolean' })
  browserLockdown!: boolean;

  @Property({ type: 'boolean' })
  screenMonitoring!: boolean;

  @Property({ type: 'boolean' })
  identityVerification!: boolean;

  /** Seconds between screen snapshots while screen monitoring is on. */
  @Property({ type: 'integer' })
  snapshotIntervalSeconds = 15;

  /** Safe Exam Browser Config Keys (hex); empty: SEB not required. */
  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: `'[]'` })
  sebConfigKeys: string[] = [];

  @Enum({ items: () => SessionStatus, columnType: 'text' })
  status!: SessionStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  endedAt: Date | null = null;

  /** The proctor's reason for the session-wide pause in force (cleared on resume). */
  @Property({ type: 'text', nullable: true })
  pauseReason: string | null = null;

  /** What the candidates are told while paused or rescheduled (cleared on resume). */
  @Property({ type: 'text', nullable: true })
  pauseMessage: string | null = null;

  /** Rescheduled while running: the paused session resumes at this instant (the scheduled-start job). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  resumesAt: Date | null = null;

  /** End Session confirmed: the ending job submits every open attempt at this instant. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  graceEndsAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
