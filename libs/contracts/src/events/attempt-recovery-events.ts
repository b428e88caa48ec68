import { IsISO8601, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { AttemptClockEvent, AttemptEvent } from './attempt-events';

/** A submitted attempt runs again: enrollment moves the participant back In Session, the exam page continues. */
export class AttemptReopenedEvent extends AttemptClockEvent {
  /** Always set here: only a proctor reopens or credits (the base class leaves it optional). */
  @IsUUID()
  override actorId!: string;

  /** Required here (a reopening always says why; the base class leaves it optional). */
  @IsString()
  @Length(3, 500)
  override reason!: string;

  /** The time the proctor gave back, which is the remaining time right after reopening. */
  @IsInt()
  @Min(1)
  minutes!: number;

  @IsISO8601()
  at!: string;
}

/** Recorded disconnected time given back to the candidate. */
export class AttemptTimeCreditedEvent extends AttemptClockEvent {
  /** Always set here: only a proctor reopens or credits (the base class leaves it optional). */
  @IsUUID()
  override actorId!: string;

  @IsInt()
  @Min(1)
  creditedSeconds!: number;
}

/** The proctor released the attempt's live view: the next view attaches without the takeover confirmation. */
export class AttemptViewReleasedEvent extends AttemptEvent {
  @IsUUID()
  actorId!: string;

  /** The view that held the attempt: that page stops saving, any other may attach. */
  @IsString()
  releasedViewId!: string;

  @IsISO8601()
  at!: string;
}

/** The server's scheduled warning: this many minutes are left before the candidate's own deadline. */
export class AttemptTimeWarningEvent extends AttemptEvent {
  @IsInt()
  @Min(1)
  minutesRemaining!: number;

  /** The deadline the warning was computed from (it moves with pauses, extensions and credits). */
  @IsISO8601()
  deadlineAt!: string;
}
