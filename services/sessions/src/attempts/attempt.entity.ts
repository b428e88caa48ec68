import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AttemptStatus } from '@invigil/contracts';
import { ProctoredSession } from '../sessions/proctored-session.entity';

/** One candidate's sitting of a session: created when they first open it, once per session and user. */
@Entity({ tableName: 'attempt' })
@Unique({ properties: ['sessionId', 'userId'] })
// Session-wide pause, resume and end, and the deadline sweep, look only at running attempts.
@Index({
  name: 'attempt_in_progress_idx',
  expression: `create index "attempt_in_progress_idx" on "attempt" ("session_id") where "status" = 'in_progress'`,
})
export class Attempt {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @ManyToOne(() => ProctoredSession, { mapToPk: true, fieldName: 'session_id' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  /** The enrollment service's roster entry, checked when the attempt was created. */
  @Property({ type: 'uuid' })
  participantId!: string;

  @Enum({ items: () => AttemptStatus, columnType: 'text' })
  status!: AttemptStatus;

  /** The candidate's clock starts here. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  submittedAt: Date | null = null;

  /** True when the deadline or the end of the session submitted it. */
  @Property({ type: 'boolean' })
  autoSubmitted = false;

  /** Fixed when the attempt opens: the participant's own limit, else the session's duration. */
  @Property({ type: 'bigint', columnType: 'bigint', runtimeType: 'number' })
  timeLimitMs!: number;

  /** Extra time the proctor granted. */
  @Property({ type: 'bigint', columnType: 'bigint', runtimeType: 'number' })
  extensionsMs = 0;

  /** Time given back, e.g. for a disconnection (the proctor's control comes with the dashboard). */
  @Property({ type: 'bigint', columnType: 'bigint', runtimeType: 'number' })
  creditedMs = 0;

  /** Finished pauses, summed. */
  @Property({ type: 'bigint', columnType: 'bigint', runtimeType: 'number' })
  pausedMs = 0;

  /** Set while the clock is stopped (the candidate or the whole session is paused). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  pausedSince: Date | null = null;

  /** The proctor paused this candidate: resuming the session does not resume them. */
  @Property({ type: 'boolean' })
  pausedByProctor = false;

  /** Finished disconnections, summed: a proctor may credit them. */
  @Property({ type: 'bigint', columnType: 'bigint', runtimeType: 'number' })
  disconnectedMs = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  disconnectedSince: Date | null = null;

  /** The one browser view allowed to save; another takes over only after the candidate confirms. */
  @Property({ type: 'text', nullable: true })
  liveViewId: string | null = null;

  /** The gateway's socket connection of the live view: a disconnect reported for another one is stale. */
  @Property({ type: 'text', nullable: true })
  liveConnectionId: string | null = null;

  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: `'[]'` })
  flaggedQuestionIds: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  currentQuestionId: string | null = null;

  /** Since when the candidate has been on `currentQuestionId` (null while the clock is stopped). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  positionSince: Date | null = null;

  /** questionId → milliseconds spent on it; a section's time (the guide's figure) is the sum over its questions. */
  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: `'{}'` })
  questionTimesMs: Record<string, number> = {};

  /** Bumped whenever the deadline moves (resume, extension): the deadline job's id carries it. */
  @Property({ type: 'integer' })
  deadlineVersion = 0;
}
