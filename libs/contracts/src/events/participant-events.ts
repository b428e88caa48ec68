import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID } from 'class-validator';
import { ParticipantStatus } from '../enums';
import { OneTimeLimitForm } from '../enrollment/time-limit-form';
import { SessionEvent } from './session-events';

/** Roster and participant-status events (enrollment service). */
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
export class ParticipantAddedEvent extends SessionEvent {
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
export class ParticipantRemovedEvent extends SessionEvent {
  @IsUUID()
  participantId!: string;

  @IsUUID()
  userId!: string;
}

export class ParticipantTimeLimitChangedEvent extends SessionEvent {
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
}
