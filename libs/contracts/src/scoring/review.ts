import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ActorScopedRequest, OrgScopedRequest } from '../scoped';
import type { Rubric } from '../sessions/rubric';

/** Where one answer stands in manual review. */
export enum ReviewState {
  /** An essay nobody has marked yet: its result is provisional. */
  NeedsReview = 'needs_review',
  /** Marked by a reviewer (an essay, or a short answer whose automatic score a reviewer overrode). */
  Reviewed = 'reviewed',
  /** A short answer scored automatically; a reviewer may still override it. */
  AutoScored = 'auto_scored',
  /** Double marking: the first mark is in; another reviewer gives the second, blind. */
  AwaitingSecondMark = 'awaiting_second_mark',
  /** Double marking: the two marks differ by more than the threshold; a moderator decides. */
  NeedsModeration = 'needs_moderation',
}

/** Body of PUT /api/sessions/:sessionId/review/settings. */
export class UpdateReviewSettingsBody {
  /** Essays get two blind marks; marks further apart than the threshold go to a moderator. */
  @IsBoolean({ message: 'doubleMarking must be true or false' })
  doubleMarking!: boolean;

  /** How far apart two marks may be, in percent of the question's points, before a moderator decides. */
  @IsInt({ message: 'moderationThresholdPercent must be a whole number' })
  @Min(0, { message: 'moderationThresholdPercent must be between 0 and 100' })
  @Max(100, { message: 'moderationThresholdPercent must be between 0 and 100' })
  moderationThresholdPercent!: number;
}

export class UpdateReviewSettingsRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsBoolean()
  doubleMarking!: boolean;

  @IsInt()
  @Min(0)
  @Max(100)
  moderationThresholdPercent!: number;
}

const stateMessage = `state must be one of: ${Object.values(ReviewState).join(', ')}`;

/** The query of GET /api/sessions/:sessionId/review: every filter is optional. */
export class ReviewQueueQuery {
  @IsOptional()
  @IsEnum(ReviewState, { message: stateMessage })
  state?: ReviewState;

  @IsOptional()
  @IsUUID('all', { message: 'questionId must be the id of one of the session’s questions' })
  questionId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'candidateKey must be a candidate key from the review queue' })
  candidateKey?: string;
}

export class ListReviewQueueRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;

  @IsOptional()
  @IsEnum(ReviewState, { message: stateMessage })
  state?: ReviewState;

  /** Only the answers to this question ("grade all answers to question 4"). */
  @IsOptional()
  @IsUUID('all', { message: 'questionId must be the id of one of the session’s questions' })
  questionId?: string;

  /** Only this candidate's answers: the `candidateKey` the queue lists (never a user id). */
  @IsOptional()
  @IsUUID('all', { message: 'candidateKey must be a candidate key from the review queue' })
  candidateKey?: string;
}

export class GetReviewItemRequest extends OrgScopedRequest {
  @IsUUID('all', { message: 'itemId must be the id of an answer in the review queue' })
  itemId!: string;
}

/** Body of POST /api/review/items/:itemId/mark. */
export class MarkReviewItemBody {
  /** The chosen level of each rubric criterion, in the rubric's order (0 is the first level). */
  @IsOptional()
  @IsArray({ message: 'rubricLevels must list one level index per rubric criterion' })
  @ArrayMaxSize(20, { message: 'rubricLevels must list one level index per rubric criterion' })
  @IsInt({ each: true, message: 'each rubric level must be the whole-number index of a level' })
  rubricLevels?: number[];

  /** The mark in points; when absent, the chosen rubric levels' points add up to the mark. */
  @IsOptional()
  @IsInt({ message: 'points must be a whole number' })
  points?: number;

  @IsOptional()
  @IsString({ message: 'feedback must be text' })
  @MaxLength(5000, { message: 'feedback must be at most 5000 characters' })
  feedback?: string;

  /** Keeps the feedback as a comment reviewers can pick again for this question. */
  @IsOptional()
  @IsBoolean({ message: 'saveComment must be true or false' })
  saveComment?: boolean;
}

export class MarkReviewItemRequest extends ActorScopedRequest {
  @IsUUID()
  itemId!: string;

  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  rubricLevels?: number[];

  @IsOptional()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  points?: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  feedback?: string;

  @IsOptional()
  @IsBoolean()
  saveComment?: boolean;
}

export class RevealIdentitiesRequest extends ActorScopedRequest {
  @IsUUID()
  sessionId!: string;
}

export class GetReviewSettingsRequest extends OrgScopedRequest {
  @IsUUID()
  sessionId!: string;
}

/** Who wrote an answer, as a reviewer may see it: the pseudonym always, the name only once revealed. */
export interface ReviewCandidateView {
  /** Opaque and stable for one candidate's result in one session; used to filter the queue. */
  candidateKey: string;
  /** "Candidate 7F3A": stable per session and candidate. */
  pseudonym: string;
  /** Null while identities are hidden. */
  displayName: string | null;
}

export interface ReviewItemSummary {
  id: string;
  questionId: string;
  /** 1-based position of the question in the assessment. */
  questionNumber: number;
  state: ReviewState;
  points: number | null;
  maxPoints: number;
  candidate: ReviewCandidateView;
}

export interface ReviewQuestionCount {
  questionId: string;
  questionNumber: number;
  prompt: string;
  needsReview: number;
  reviewed: number;
  autoScored: number;
}

export interface ReviewCandidateCount extends ReviewCandidateView {
  needsReview: number;
  reviewed: number;
  autoScored: number;
}

export interface ReviewSettingsView {
  sessionId: string;
  /** Null while reviewers see pseudonyms only. */
  identitiesRevealedAt: string | null;
  doubleMarking: boolean;
  moderationThresholdPercent: number;
}

/** One mark of a double-marked answer, shown once both are in (never while the second is awaited). */
export interface ReviewMarkView {
  role: 'first' | 'second' | 'moderator';
  points: number;
  rubricLevels: number[] | null;
  feedback: string | null;
  markedAt: string;
}

/** The review queue of one session: counts by question and by candidate, and the matching answers. */
export interface ReviewQueueView {
  settings: ReviewSettingsView;
  questions: ReviewQuestionCount[];
  candidates: ReviewCandidateCount[];
  items: ReviewItemSummary[];
}

export interface ReviewItemView extends ReviewItemSummary {
  sessionId: string;
  prompt: string;
  /** The candidate's answer, to be shown as plain text. */
  answerText: string;
  rubric: Rubric | null;
  reviewerGuidance: string | null;
  rubricLevels: number[] | null;
  feedback: string | null;
  reviewedAt: string | null;
  /** Feedback comments saved for this question, oldest first, to pick from. */
  savedComments: string[];
  /** The marks of a double-marked answer; empty while the second mark is awaited (it is given blind). */
  marks: ReviewMarkView[];
  /** The next answer needing review in this session (same question first), if any. */
  nextItemId: string | null;
}
