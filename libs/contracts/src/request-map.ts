import type { InvitationRedemption, RedeemInvitationRequest } from './auth/invitation';
import type { LoginRequest, UserView } from './auth/login';
import type {
  AddParticipantsRequest,
  CommitImportRequest,
  GetMyParticipationRequest,
  ImportPreview,
  ImportResult,
  ImportRosterRequest,
  JoinWithCodeRequest,
  RemoveParticipantRequest,
  ResendInvitationRequest,
  SearchUsersRequest,
  UpdateTimeLimitRequest,
  UserSearchPage,
  ListMyParticipationsRequest,
  ListParticipantsRequest,
  ParticipantView,
} from './enrollment/participant';
import type { GetUserRequest } from './enrollment/user';
import type { AttemptProgressView, GetAttemptProgressRequest } from './sessions/bulk-attempts';
import type { MessagesBelongToSession, MessagesBelongToSessionRequest } from './messaging/message-evidence';
import type { FileIncidentRequest, IncidentView, ListIncidentsRequest } from './monitoring/incidents';
import type { BroadcastRequest, MessageView } from './messaging/message';
import type {
  HandView,
  ListHandsRequest,
  ListMessagesRequest,
  ReceiptsRecordedView,
  RecordReceiptsRequest,
  SendPrivateMessageRequest,
  SetHandRequest,
  UnreadCountsRequest,
  UnreadCountsView,
  WriteToStaffRequest,
} from './messaging/chat';
import type { GetLiveSessionRequest, LiveSessionView } from './monitoring/live';
import type {
  ExportRecordRequest,
  ListRecordRequest,
  RecordExportFile,
  RecordPage,
  RecordVerification,
  VerifyRecordRequest,
} from './monitoring/record';
import type { CertificateFile, GetCertificateRequest, GetMyResultRequest, ResultView } from './scoring/result';
import type {
  CertificateVerificationView,
  CheckCredentialRequest,
  CredentialCheckView,
  CredentialFile,
  GetCredentialRequest,
  GetIssuerDocumentRequest,
  GetStatusListRequest,
  JsonLdDocument,
  VerifyCertificateCodeRequest,
} from './scoring/credential';
import type {
  GetReviewItemRequest,
  ListReviewQueueRequest,
  MarkReviewItemRequest,
  ReviewItemView,
  ReviewQueueView,
  ReviewSettingsView,
  RevealIdentitiesRequest,
  UpdateReviewSettingsRequest,
} from './scoring/review';
import type {
  GetReleaseRequest,
  ListSessionResultsRequest,
  ReleaseOutcome,
  ReleaseResultsRequest,
  ReleaseView,
  SessionResultsView,
  UpdateReleaseSettingsRequest,
} from './scoring/release';
import type {
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  CreateAssessmentRequest,
  GetAssessmentRequest,
  GetScoringKeyRequest,
  ImportAssessmentRequest,
  UpdateAssessmentRequest,
  ListAssessmentsRequest,
  ScoringKeyView,
} from './sessions/assessment';
import type {
  AttachViewReply,
  AttachViewRequest,
  AttemptPresenceRequest,
  AttemptRequest,
  AttemptSummaryView,
  AttemptView,
  ExtendAttemptRequest,
  FlagQuestionRequest,
  ListAttemptsRequest,
  NavigateAttemptRequest,
  ProctorAttemptRequest,
  SaveAnswerAck,
  SaveAnswerRequest,
} from './sessions/attempt';
import type { CreditAttemptRequest, ReopenAttemptRequest } from './sessions/attempt-recovery';
import type {
  DecideIdentityRequest,
  GetIdentityPhotoRequest,
  IdentityCheckView,
  IdentityPhotoFile,
  ListIdentityChecksRequest,
  SubmitIdentityRequest,
} from './enrollment/identity';
import type {
  GetSnapshotRequest,
  ListSignalsRequest,
  ListSnapshotsRequest,
  RecordSignalRequest,
  SignalView,
  SnapshotFile,
  SnapshotView,
  StoreSnapshotRequest,
} from './monitoring/signals';
import type {
  CreateSessionRequest,
  GetSessionRequest,
  ListSessionsRequest,
  ResolveEnrollmentCodeRequest,
  SessionCommandRequest,
  SessionView,
  StartSessionRequest,
  UpdateSessionRequest,
} from './sessions/session';
import type { PauseSessionRequest, RescheduleLiveRequest } from './sessions/emergency';
import type { Requests } from './subjects';

type R = typeof Requests;

/** Request and response type of every request subject: the typed client is built on this. */
export interface RequestMap {
  [k: string]: { request: object; response: unknown };
  [Requests.login]: { request: LoginRequest; response: UserView };
  [Requests.getUser]: { request: GetUserRequest; response: UserView };
  [Requests.joinWithCode]: { request: JoinWithCodeRequest; response: ParticipantView };
  [Requests.listParticipants]: { request: ListParticipantsRequest; response: ParticipantView[] };
  [Requests.getMyParticipation]: { request: GetMyParticipationRequest; response: ParticipantView };
  [Requests.listMyParticipations]: { request: ListMyParticipationsRequest; response: ParticipantView[] };
  [Requests.searchUsers]: { request: SearchUsersRequest; response: UserSearchPage };
  [Requests.addParticipants]: { request: AddParticipantsRequest; response: ParticipantView[] };
  [Requests.removeParticipant]: { request: RemoveParticipantRequest; response: ParticipantView };
  [Requests.updateParticipantTimeLimit]: { request: UpdateTimeLimitRequest; response: ParticipantView };
  [Requests.redeemInvitation]: { request: RedeemInvitationRequest; response: InvitationRedemption };
  [Requests.previewImport]: { request: ImportRosterRequest; response: ImportPreview };
  [Requests.commitImport]: { request: CommitImportRequest; response: ImportResult };
  [Requests.resendInvitation]: { request: ResendInvitationRequest; response: ParticipantView };
  [Requests.createAssessment]: { request: CreateAssessmentRequest; response: AssessmentView };
  [Requests.listAssessments]: { request: ListAssessmentsRequest; response: AssessmentView[] };
  [Requests.getScoringKey]: { request: GetScoringKeyRequest; response: ScoringKeyView };
  [Requests.getAssessment]: { request: GetAssessmentRequest; response: AssessmentDetailView };
  [Requests.updateAssessment]: { request: UpdateAssessmentRequest; response: AssessmentView };
  [Requests.exportAssessment]: { request: GetAssessmentRequest; response: AssessmentDocument };
  [Requests.importAssessment]: { request: ImportAssessmentRequest; response: AssessmentView };
  [Requests.createSession]: { request: CreateSessionRequest; response: SessionView };
  [Requests.listSessions]: { request: ListSessionsRequest; response: SessionView[] };
  [Requests.getSession]: { request: GetSessionRequest; response: SessionView };
  [Requests.resolveEnrollmentCode]: { request: ResolveEnrollmentCodeRequest; response: SessionView };
  [Requests.startSession]: { request: StartSessionRequest; response: SessionView };
  [Requests.updateSession]: { request: UpdateSessionRequest; response: SessionView };
  [Requests.pauseSession]: { request: PauseSessionRequest; response: SessionView };
  [Requests.resumeSession]: { request: SessionCommandRequest; response: SessionView };
  [Requests.endSession]: { request: SessionCommandRequest; response: SessionView };
  [Requests.cancelSession]: { request: SessionCommandRequest; response: SessionView };
  [Requests.rescheduleLiveSession]: { request: RescheduleLiveRequest; response: SessionView };
  [Requests.openAttempt]: { request: AttemptRequest; response: AttemptView };
  [Requests.saveAnswer]: { request: SaveAnswerRequest; response: SaveAnswerAck };
  [Requests.submitAttempt]: { request: AttemptRequest; response: AttemptView };
  [Requests.attachAttemptView]: { request: AttachViewRequest; response: AttachViewReply };
  [Requests.reportAttemptPresence]: { request: AttemptPresenceRequest; response: { recorded: boolean } };
  [Requests.navigateAttempt]: { request: NavigateAttemptRequest; response: { currentQuestionId: string } };
  [Requests.flagQuestion]: { request: FlagQuestionRequest; response: { flaggedQuestionIds: string[] } };
  [Requests.pauseAttempt]: { request: ProctorAttemptRequest; response: AttemptSummaryView };
  [Requests.resumeAttempt]: { request: ProctorAttemptRequest; response: AttemptSummaryView };
  [Requests.extendAttempt]: { request: ExtendAttemptRequest; response: AttemptSummaryView };
  [Requests.listAttempts]: { request: ListAttemptsRequest; response: AttemptSummaryView[] };
  [Requests.getAttemptProgress]: { request: GetAttemptProgressRequest; response: AttemptProgressView };
  [Requests.reopenAttempt]: { request: ReopenAttemptRequest; response: AttemptSummaryView };
  [Requests.creditAttempt]: { request: CreditAttemptRequest; response: AttemptSummaryView };
  [Requests.releaseAttemptView]: { request: ProctorAttemptRequest; response: AttemptSummaryView };
  [Requests.submitIdentity]: { request: SubmitIdentityRequest; response: IdentityCheckView };
  [Requests.listIdentityChecks]: { request: ListIdentityChecksRequest; response: IdentityCheckView[] };
  [Requests.getIdentityPhoto]: { request: GetIdentityPhotoRequest; response: IdentityPhotoFile };
  [Requests.decideIdentity]: { request: DecideIdentityRequest; response: IdentityCheckView };
  [Requests.recordSignal]: { request: RecordSignalRequest; response: SignalView };
  [Requests.listSignals]: { request: ListSignalsRequest; response: SignalView[] };
  [Requests.storeSnapshot]: { request: StoreSnapshotRequest; response: SnapshotView };
  [Requests.listSnapshots]: { request: ListSnapshotsRequest; response: SnapshotView[] };
  [Requests.getSnapshot]: { request: GetSnapshotRequest; response: SnapshotFile };
  [Requests.listRecord]: { request: ListRecordRequest; response: RecordPage };
  [Requests.verifyRecord]: { request: VerifyRecordRequest; response: RecordVerification };
  [Requests.exportRecord]: { request: ExportRecordRequest; response: RecordExportFile };
  [Requests.fileIncident]: { request: FileIncidentRequest; response: IncidentView };
  [Requests.listIncidents]: { request: ListIncidentsRequest; response: IncidentView[] };
  [Requests.getMyResult]: { request: GetMyResultRequest; response: ResultView | null };
  [Requests.getCertificate]: { request: GetCertificateRequest; response: CertificateFile };
  [Requests.verifyCertificateCode]: { request: VerifyCertificateCodeRequest; response: CertificateVerificationView };
  [Requests.getCredential]: { request: GetCredentialRequest; response: CredentialFile };
  [Requests.checkCredential]: { request: CheckCredentialRequest; response: CredentialCheckView };
  [Requests.getIssuerDocument]: { request: GetIssuerDocumentRequest; response: JsonLdDocument };
  [Requests.getStatusList]: { request: GetStatusListRequest; response: JsonLdDocument };
  [Requests.listReviewQueue]: { request: ListReviewQueueRequest; response: ReviewQueueView };
  [Requests.getReviewItem]: { request: GetReviewItemRequest; response: ReviewItemView };
  [Requests.markReviewItem]: { request: MarkReviewItemRequest; response: ReviewItemView };
  [Requests.revealReviewIdentities]: { request: RevealIdentitiesRequest; response: ReviewSettingsView };
  [Requests.updateReviewSettings]: { request: UpdateReviewSettingsRequest; response: ReviewSettingsView };
  [Requests.getRelease]: { request: GetReleaseRequest; response: ReleaseView };
  [Requests.updateReleaseSettings]: { request: UpdateReleaseSettingsRequest; response: ReleaseView };
  [Requests.releaseResults]: { request: ReleaseResultsRequest; response: ReleaseOutcome };
  [Requests.listSessionResults]: { request: ListSessionResultsRequest; response: SessionResultsView };
  [Requests.getLiveSession]: { request: GetLiveSessionRequest; response: LiveSessionView };
  [Requests.broadcast]: { request: BroadcastRequest; response: MessageView };
  [Requests.listMessages]: { request: ListMessagesRequest; response: MessageView[] };
  [Requests.messagesBelongToSession]: { request: MessagesBelongToSessionRequest; response: MessagesBelongToSession };
  [Requests.sendPrivateMessage]: { request: SendPrivateMessageRequest; response: MessageView[] };
  [Requests.writeToStaff]: { request: WriteToStaffRequest; response: MessageView };
  [Requests.recordReceipts]: { request: RecordReceiptsRequest; response: ReceiptsRecordedView };
  [Requests.unreadCounts]: { request: UnreadCountsRequest; response: UnreadCountsView };
  [Requests.setHand]: { request: SetHandRequest; response: HandView };
  [Requests.listHands]: { request: ListHandsRequest; response: HandView[] };
}

export type RequestOf<S extends R[keyof R]> = RequestMap[S]['request'];
export type ResponseOf<S extends R[keyof R]> = RequestMap[S]['response'];
