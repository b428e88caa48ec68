import { IsBoolean, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID } from 'class-validator';
import { ParticipantStatus, Role } from '../enums';
import { OneTimeLimitForm } from '../enrollment/time-limit-form';
import { SessionEvent } from './session-events';

/** Roster and participant-status events (enrollment service). */

/**
 * A roster change a staff member made: who and in which role, for the session record. Optional
 * because events sent before actors were carried do not name them.
 */
export class StaffRosterEvent extends SessionEvent {
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsIn([Role.Proctor, Role.Admin])
  actorRole?: Role.Proctor | Role.Admin;
}
export class ParticipantJoinedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  displayName!: string;

  @IsEnum(ParticipantStatus)
  status!: ParticipantStatus;
}

export class ParticipantStatusChangedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsEnum(ParticipantStatus)
  from!: ParticipantStatus;

  @IsEnum(ParticipantStatus)
  to!: ParticipantStatus;
}

/** The proctor put a user on a session's roster (status Invited). */
export class ParticipantAddedEvent extends StaffRosterEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsString()
  displayName!: string;

  @IsEnum(ParticipantStatus)
  status!: ParticipantStatus;

  @IsOptional()
  @OneTimeLimitForm()
  @IsInt()
  timeLimitMinutes!: number | null;

  @IsOptional()
  @IsNumber()
  timeLimitMultiplier!: number | null;

  @IsBoolean()
  invitationRequested!: boolean;
}

/** The proctor took a participant off the roster (only while Invited or Waiting). */
export class ParticipantRemovedEvent extends StaffRosterEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;
}

export class ParticipantTimeLimitChangedEvent extends StaffRosterEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;

  @IsOptional()
  @OneTimeLimitForm()
  @IsInt()
  timeLimitMinutes!: number | null;

  @IsOptional()
  @IsNumber()
  timeLimitMultiplier!: number | null;

  /** The limit before this change (absent in older events). */
  @IsOptional()
  @IsInt()
  previousTimeLimitMinutes?: number | null;

  @IsOptional()
  @IsNumber()
  previousTimeLimitMultiplier?: number | null;
}
