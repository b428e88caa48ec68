/** Roles a user account can hold inside one organization. */
export enum Role {
  Admin = 'admin',
  Proctor = 'proctor',
  Candidate = 'candidate',
}

/** Lifecycle of a proctored session (transitions live in @invigil/domain). */
export enum SessionStatus {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Open = 'open',
  InProgress = 'in_progress',
  Paused = 'paused',
  Ended = 'ended',
  Cancelled = 'cancelled',
}

/** Participant status as the product guide names it (transitions live in @invigil/domain). */
export enum ParticipantStatus {
  Invited = 'invited',
  Waiting = 'waiting',
  InSession = 'in_session',
  Paused = 'paused',
  Complete = 'complete',
  Disconnected = 'disconnected',
}

export enum AttemptStatus {
  NotStarted = 'not_started',
  InProgress = 'in_progress',
  Submitted = 'submitted',
}

export enum QuestionType {
  SingleChoice = 'single_choice',
  MultipleChoice = 'multiple_choice',
  TrueFalse = 'true_false',
  Numeric = 'numeric',
  ShortText = 'short_text',
  Essay = 'essay',
}

export enum CertificateStatus {
  Pending = 'pending',
  Ready = 'ready',
  Failed = 'failed',
  /** Withdrawn: the attempt was reopened and its new submission no longer passes. */
  Revoked = 'revoked',
}

/** Who may join: people the proctor added, anyone with the code, or both (the guide's three modes). */
export enum EnrollmentMode {
  Manual = 'manual',
  Auto = 'auto',
  Hybrid = 'hybrid',
}

/** Scheduled: starts by itself at its time. Flexible: waits for the proctor. */
export enum StartMode {
  Scheduled = 'scheduled',
  Flexible = 'flexible',
}

/** Session-wide: everyone has the session's duration. Individual: per-participant limits (accommodations). */
export enum TimeLimitMode {
  SessionWide = 'session_wide',
  Individual = 'individual',
}
