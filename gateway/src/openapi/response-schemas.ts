import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  AssessmentDetailView,
  AssessmentView,
  AttemptSummaryView,
  AttemptView,
  CandidateQuestionView,
  IdentityCheckView,
  ImportIssueView,
  ImportPreview,
  ImportResult,
  InvitationLoginResponse,
  LoginResponse,
  ParticipantView,
  ResultView,
  SaveAnswerAck,
  SessionNoticeView,
  SessionView,
  SignalView,
  SnapshotView,
  UserSearchItem,
  UserSearchPage,
  UserView,
} from '@invigil/contracts';
import {
  AttemptStatus,
  CertificateStatus,
  EnrollmentMode,
  IdentityStatus,
  ParticipantStatus,
  QuestionType,
  Role,
  SessionStatus,
  SignalKind,
  StartMode,
  TimeLimitMode,
} from '@invigil/contracts';
import { DASHBOARD_SCHEMAS } from './dashboard-schemas';
import { MESSAGE_SCHEMAS } from './message-schemas';
import { RECORD_SCHEMAS } from './record-schemas';
import { RELEASE_SCHEMAS } from './release-schemas';
import { REVIEW_SCHEMAS } from './review-schemas';
import { VERIFICATION_SCHEMAS } from './verification-schemas';

type Schema = SchemaObject | { $ref: string };

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer' };
const num: SchemaObject = { type: 'number' };
const bool: SchemaObject = { type: 'boolean' };
const id: SchemaObject = { type: 'string', format: 'uuid' };
const time: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const oneOf = (values: Record<string, string>): SchemaObject => ({ type: 'string', enum: Object.values(values) });
const list = (items: Schema): SchemaObject => ({ type: 'array', items });

/**
 * An object schema naming every property of T (optional ones too, hence `-?`): a property added to
 * a view without its schema here is a compile error, so the document cannot drift from the contract.
 */
function shape<T>(properties: { [K in keyof T]-?: Schema }, optional: (keyof T & string)[] = []): SchemaObject {
  const required = Object.keys(properties).filter((key) => !optional.includes(key as keyof T & string));
  return { type: 'object', properties, required };
}

const security = ref('SecurityOptions');
const user = shape<UserView>({ id, orgId: id, orgName: str, email: str, displayName: str, role: oneOf(Role) });
const login = { accessToken: str, expiresInSeconds: int, user: ref('UserView') };
const assessment = {
  id,
  orgId: id,
  title: str,
  currentVersionId: id,
  version: int,
  questionCount: int,
  passingPercent: num,
  createdAt: time,
};
const issue = shape<ImportIssueView>({ row: int, column: nullable(str), reason: str });
const sample = {
  type: 'object',
  properties: {
    row: int,
    email: str,
    displayName: str,
    timeLimitMinutes: nullable(int),
    timeLimitMultiplier: nullable(num),
    newAccount: bool,
  },
} satisfies SchemaObject;

/** The response bodies of the API, by the contract interface they describe. */
export const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  ...RECORD_SCHEMAS,
  ...DASHBOARD_SCHEMAS,
  ...MESSAGE_SCHEMAS,
  ...REVIEW_SCHEMAS,
  ...VERIFICATION_SCHEMAS,
  ...RELEASE_SCHEMAS,
  UserView: user,
  LoginResponse: shape<LoginResponse>(login),
  InvitationLoginResponse: shape<InvitationLoginResponse>({ ...login, sessionId: id }),
  AssessmentView: shape<AssessmentView>(assessment),
  AssessmentDetailView: shape<AssessmentDetailView>({
    ...assessment,
    description: nullable(str),
    sections: list({
      type: 'object',
      properties: { id, title: str, questions: list({ allOf: [ref('QuestionDraft'), shape({ id })] }) },
    }),
  }),
  AssessmentDocument: {
    allOf: [
      ref('CreateAssessmentBody'),
      shape({ format: { type: 'string', enum: ['invigil.assessment'] }, formatVersion: int }),
    ],
  },
  SessionView: shape<SessionView>({
    id,
    orgId: id,
    name: str,
    assessmentId: id,
    assessmentVersionId: id,
    assessmentTitle: str,
    questionCount: int,
    proctorId: id,
    enrollmentCode: str,
    startMode: oneOf(StartMode),
    scheduledAt: nullable(time),
    timeZone: str,
    durationMinutes: int,
    enrollmentMode: oneOf(EnrollmentMode),
    maxUsers: nullable(int),
    lateEntry: bool,
    lateEntryMinutes: nullable(int),
    timeLimitMode: oneOf(TimeLimitMode),
    gracePeriodSeconds: int,
    timeWarningMinutes: list(int),
    security,
    status: oneOf(SessionStatus),
    startedAt: nullable(time),
    endedAt: nullable(time),
    createdAt: time,
    pauseReason: nullable(str),
    pauseMessage: nullable(str),
    resumesAt: nullable(time),
    graceEndsAt: nullable(time),
  }),
  ParticipantView: shape<ParticipantView>(
    {
      id,
      orgId: id,
      sessionId: id,
      userId: id,
      displayName: str,
      email: str,
      status: oneOf(ParticipantStatus),
      joinedAt: nullable(time),
      updatedAt: time,
      identityStatus: oneOf(IdentityStatus),
      timeLimitMinutes: nullable(int),
      timeLimitMultiplier: nullable(num),
      invitedAt: nullable(time),
      invitationSentAt: nullable(time),
      sessionName: str,
    },
    ['identityStatus', 'timeLimitMinutes', 'timeLimitMultiplier', 'invitedAt', 'invitationSentAt', 'sessionName'],
  ),
  UserSearchPage: shape<UserSearchPage>({
    items: list(shape<UserSearchItem>({ id, email: str, displayName: str, role: oneOf(Role), timeZone: str })),
    total: int,
    page: int,
    pageSize: int,
  }),
  ImportPreview: shape<ImportPreview>({
    uploadKey: str,
    uploadId: id,
    fileName: str,
    totalRows: int,
    validRows: int,
    newAccounts: int,
    issues: list(issue),
    sample: list(sample),
  }),
  ImportResult: shape<ImportResult>({ added: int, createdAccounts: int, skipped: int, issues: list(issue) }),
  SignalView: shape<SignalView>({
    id,
    sessionId: id,
    userId: id,
    kind: oneOf(SignalKind),
    occurredAt: time,
    receivedAt: time,
    detail: nullable(str),
  }),
  SnapshotView: shape<SnapshotView>({ id, sessionId: id, userId: id, capturedAt: time, receivedAt: time, bytes: int }),
  IdentityCheckView: shape<IdentityCheckView>({
    sessionId: id,
    userId: id,
    participantId: id,
    displayName: str,
    status: oneOf(IdentityStatus),
    submittedAt: nullable(time),
    decidedAt: nullable(time),
    decidedBy: nullable(str),
    reason: nullable(str),
  }),
  SaveAnswerAck: shape<SaveAnswerAck>({
    questionId: id,
    clientSeq: int,
    storedSeq: int,
    answeredCount: int,
    savedAt: time,
  }),
  AttemptSummaryView: shape<AttemptSummaryView>(
    {
      attemptId: id,
      userId: id,
      status: oneOf(AttemptStatus),
      paused: bool,
      remainingSeconds: int,
      extensionMinutes: int,
      disconnectedSeconds: int,
      creditableSeconds: int,
      startedAt: time,
      creditedSeconds: int,
      connected: bool,
      submittedAt: nullable(time),
      autoSubmitted: bool,
    },
    ['startedAt', 'creditedSeconds'],
  ),
  AttemptView: shape<AttemptView>({
    id,
    sessionId: id,
    sessionName: str,
    status: oneOf(AttemptStatus),
    sections: list(shape({ id, title: str })),
    questions: list(
      shape<CandidateQuestionView>({
        id,
        sectionId: id,
        type: oneOf(QuestionType),
        prompt: str,
        options: list(str),
        points: int,
        maxWords: nullable(int),
      }),
    ),
    answers: list(shape({ questionId: id, answer: ref('AnswerValue'), clientSeq: int })),
    answeredCount: int,
    remainingSeconds: int,
    paused: bool,
    pausedBy: { type: 'string', enum: ['proctor', 'session'], nullable: true },
    timeOver: bool,
    flaggedQuestionIds: list(id),
    currentQuestionId: nullable(id),
    liveViewId: nullable(str),
    security,
    submittedAt: nullable(time),
    autoSubmitted: bool,
    sessionNotice: shape<SessionNoticeView>({
      message: nullable(str),
      resumesAt: nullable(time),
      graceEndsAt: nullable(time),
    }),
  }),
  ResultView: shape<ResultView>({
    id,
    sessionId: id,
    userId: id,
    released: bool,
    score: nullable(num),
    maxScore: nullable(num),
    percent: nullable(num),
    passed: nullable(bool),
    pendingReview: int,
    awaitingReview: bool,
    answersAwaitingReview: int,
    scoredAt: time,
    certificate: {
      ...shape({ id, status: oneOf(CertificateStatus), verificationCode: nullable(str) }),
      nullable: true,
    },
    questions: nullable(list(ref('ResultQuestionView'))),
  }),
};
