import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ParticipantStatus, Role } from '../enums';
import { OrgScopedRequest } from '../scoped';
import type { RecordActor } from './record';

/** What an incident is about, as the product guide's incident report classifies it. Stored: add, never rename. */
export enum IncidentCategory {
  Environment = 'environment',
  Examinee = 'examinee',
  Staff = 'proctor_staff',
  Technical = 'technical',
  Other = 'other',
}

export enum IncidentSeverity {
  Low = 'low',
  Medium = 'medium',
  High = 'high',
}

export interface IncidentSubCategory {
  id: string;
  label: string;
}

export interface IncidentCategoryDefinition {
  id: IncidentCategory;
  label: string;
  subCategories: readonly IncidentSubCategory[];
}

/**
 * The one list of categories and their sub-categories: the form offers these, the server accepts
 * only these (checked by `incidentClassificationProblem` in @invigil/domain). Ids are stored.
 */
export const INCIDENT_CATEGORIES: readonly IncidentCategoryDefinition[] = [
  {
    id: IncidentCategory.Environment,
    label: 'Environment',
    subCategories: [
      { id: 'noise', label: 'Noise' },
      { id: 'other_person_present', label: 'Other person present' },
      { id: 'lighting', label: 'Lighting' },
    ],
  },
  {
    id: IncidentCategory.Examinee,
    label: 'Examinee',
    subCategories: [
      { id: 'unauthorized_material', label: 'Unauthorized material' },
      { id: 'talking', label: 'Talking' },
      { id: 'leaving_seat', label: 'Leaving the seat' },
      { id: 'impersonation_suspected', label: 'Impersonation suspected' },
    ],
  },
  {
    id: IncidentCategory.Staff,
    label: 'Proctor/Staff',
    subCategories: [
      { id: 'late_start', label: 'Late start' },
      { id: 'wrong_instructions', label: 'Wrong instructions' },
    ],
  },
  {
    id: IncidentCategory.Technical,
    label: 'Technical',
    subCategories: [
      { id: 'connection_lost', label: 'Connection lost' },
      { id: 'device_failure', label: 'Device failure' },
      { id: 'platform_error', label: 'Platform error' },
    ],
  },
  {
    id: IncidentCategory.Other,
    label: 'Other',
    subCategories: [{ id: 'other', label: 'Other' }],
  },
];

export const INCIDENT_EVIDENCE_MAX = 50;

const ids = (what: string) =>
  [
    IsOptional(),
    IsArray({ message: `${what} must be a list of ids` }),
    ArrayMaxSize(INCIDENT_EVIDENCE_MAX, { message: `at most ${INCIDENT_EVIDENCE_MAX} ${what}` }),
    IsUUID('all', { each: true, message: `each of ${what} must be an id` }),
  ] as const;

function Ids(what: string): PropertyDecorator {
  return (target, key) => ids(what).forEach((decorate) => decorate(target, key));
}

/** Body of POST /api/sessions/:sessionId/incidents. */
export class FileIncidentBody {
  /** The candidate it concerns; absent: the incident concerns the whole session. */
  @IsOptional()
  @IsUUID('all', { message: 'userId must be the user id of a candidate in this session' })
  userId?: string;

  @IsEnum(IncidentCategory, {
    message: `category must be one of: ${Object.values(IncidentCategory).join(', ')}`,
  })
  category!: IncidentCategory;

  @IsString({ message: 'subCategory must be text' })
  subCategory!: string;

  @IsEnum(IncidentSeverity, { message: 'severity must be low, medium or high' })
  severity!: IncidentSeverity;

  @IsString()
  @MinLength(3, { message: 'description must be at least 3 characters' })
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'actionTaken must be at most 1000 characters' })
  actionTaken?: string;

  @Ids('alertIds')
  alertIds?: string[];

  @Ids('snapshotIds')
  snapshotIds?: string[];

  /** Chat messages of this session (messaging's ids). */
  @Ids('messageIds')
  messageIds?: string[];

  /** Session-level only: attach who was in which state with how much progress at filing time. */
  @IsOptional()
  @IsBoolean({ message: 'documentAffectedUsers must be true or false' })
  documentAffectedUsers?: boolean;
}

export class FileIncidentRequest extends FileIncidentBody {
  @IsUUID()
  orgId!: string;

  @IsUUID()
  sessionId!: string;

  @IsUUID()
  actorId!: string;

  /** The filer's role from their token: the record names it. */
  @IsIn([Role.Proctor, Role.Admin])
  actorRole!: Role.Proctor | Role.Admin;
}

export class ListIncidentsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** One candidate as the live view knew them when a session-level incident was filed. */
export interface AffectedUser {
  userId: string;
  displayName: string;
  status: ParticipantStatus;
  answeredCount: number;
  totalQuestions: number;
}

export interface IncidentEvidence {
  alertIds: string[];
  snapshotIds: string[];
  messageIds: string[];
}

export interface IncidentView {
  id: string;
  sessionId: string;
  /** The candidate it concerns; null: the session. */
  userId: string | null;
  category: IncidentCategory;
  subCategory: string;
  severity: IncidentSeverity;
  description: string;
  actionTaken: string | null;
  evidence: IncidentEvidence;
  /** Session-level incidents filed with "document affected users"; else null. */
  affectedUsers: AffectedUser[] | null;
  actor: RecordActor;
  filedAt: string;
  /** Its entry in the session record. */
  recordSeq: number;
}
