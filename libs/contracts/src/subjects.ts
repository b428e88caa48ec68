/**
 * Every NATS subject Invigil uses. Subjects are permanent once released: add, never rename.
 * Requests: `<service>.<aggregate>.<verb>`; events: the past tense of what happened.
 */
export const Requests = {
  login: 'enrollment.auth.login',
  getUser: 'enrollment.user.get',
  joinWithCode: 'enrollment.participant.join',
  listParticipants: 'enrollment.participant.list',
  getMyParticipation: 'enrollment.participant.get-mine',
  listMyParticipations: 'enrollment.participant.list-mine',
  searchUsers: 'enrollment.user.search',
  addParticipants: 'enrollment.participant.add',
  removeParticipant: 'enrollment.participant.remove',
  updateParticipantTimeLimit: 'enrollment.participant.update-time-limit',
  redeemInvitation: 'enrollment.auth.redeem-invitation',
  previewImport: 'enrollment.import.preview',
  commitImport: 'enrollment.import.commit',
  resendInvitation: 'enrollment.participant.resend-invitation',
  submitIdentity: 'enrollment.identity.submit',
  listIdentityChecks: 'enrollment.identity.list',
  getIdentityPhoto: 'enrollment.identity.photo',
  decideIdentity: 'enrollment.identity.decide',

  createAssessment: 'sessions.assessment.create',
  listAssessments: 'sessions.assessment.list',
  getScoringKey: 'sessions.assessment.scoring-key',
  getAssessment: 'sessions.assessment.get',
  updateAssessment: 'sessions.assessment.update',
  exportAssessment: 'sessions.assessment.export',
  importAssessment: 'sessions.assessment.import',
  createSession: 'sessions.session.create',
  listSessions: 'sessions.session.list',
  getSession: 'sessions.session.get',
  resolveEnrollmentCode: 'sessions.session.resolve-code',
  startSession: 'sessions.session.start',
  updateSession: 'sessions.session.update',
  pauseSession: 'sessions.session.pause',
  resumeSession: 'sessions.session.resume',
  endSession: 'sessions.session.end',
  cancelSession: 'sessions.session.cancel',
  openAttempt: 'sessions.attempt.open',
  saveAnswer: 'sessions.attempt.save-answer',
  submitAttempt: 'sessions.attempt.submit',
  attachAttemptView: 'sessions.attempt.attach-view',
  reportAttemptPresence: 'sessions.attempt.presence',
  navigateAttempt: 'sessions.attempt.navigate',
  flagQuestion: 'sessions.attempt.flag',
  pauseAttempt: 'sessions.attempt.pause',
  resumeAttempt: 'sessions.attempt.resume',
  extendAttempt: 'sessions.attempt.extend',
  listAttempts: 'sessions.attempt.list',
  getAttemptProgress: 'sessions.attempt.progress',
  reopenAttempt: 'sessions.attempt.reopen',
  creditAttempt: 'sessions.attempt.credit',
  releaseAttemptView: 'sessions.attempt.release-view',

  getMyResult: 'scoring.result.get-mine',
  getCertificate: 'scoring.certificate.get',

  getLiveSession: 'monitoring.session.live',
  recordSignal: 'monitoring.signal.record',
  listSignals: 'monitoring.signal.list',
  storeSnapshot: 'monitoring.snapshot.store',
  listSnapshots: 'monitoring.snapshot.list',
  getSnapshot: 'monitoring.snapshot.get',
  listRecord: 'monitoring.record.list',
  verifyRecord: 'monitoring.record.verify',
  exportRecord: 'monitoring.record.export',

  broadcast: 'messaging.message.broadcast',
  listMessages: 'messaging.message.list',
} as const;

export const Events = {
  sessionCreated: 'sessions.session.created',
  sessionStarted: 'sessions.session.started',
  sessionUpdated: 'sessions.session.updated',
  sessionPaused: 'sessions.session.paused',
  sessionResumed: 'sessions.session.resumed',
  sessionEnded: 'sessions.session.ended',
  sessionCancelled: 'sessions.session.cancelled',
  sessionRescheduled: 'sessions.session.rescheduled',
  attemptProgressed: 'sessions.attempt.progressed',
  attemptSubmitted: 'sessions.attempt.submitted',
  attemptPaused: 'sessions.attempt.paused',
  attemptResumed: 'sessions.attempt.resumed',
  attemptExtended: 'sessions.attempt.extended',
  attemptDisconnected: 'sessions.attempt.disconnected',
  attemptReconnected: 'sessions.attempt.reconnected',
  attemptViewTakenOver: 'sessions.attempt.view-taken-over',
  attemptReopened: 'sessions.attempt.reopened',
  attemptTimeCredited: 'sessions.attempt.time-credited',
  attemptViewReleased: 'sessions.attempt.view-released',
  identitySubmitted: 'enrollment.identity.submitted',
  identityDecided: 'enrollment.identity.decided',
  alertRaised: 'monitoring.alert.raised',
  snapshotStored: 'monitoring.snapshot.stored',
  participantJoined: 'enrollment.participant.joined',
  participantStatusChanged: 'enrollment.participant.status-changed',
  participantAdded: 'enrollment.participant.added',
  participantRemoved: 'enrollment.participant.removed',
  participantTimeLimitChanged: 'enrollment.participant.time-limit-changed',
  resultRecorded: 'scoring.result.recorded',
  certificateIssued: 'scoring.certificate.issued',
  messageSent: 'messaging.message.sent',
  messageReceipt: 'messaging.message.receipt',
  handRaised: 'messaging.hand.raised',
  liveParticipantUpdated: 'monitoring.participant.updated',
} as const;

export type RequestSubject = (typeof Requests)[keyof typeof Requests];
export type EventSubject = (typeof Events)[keyof typeof Events];

/** Service names double as NATS queue groups and durable consumer names. */
export const ServiceNames = ['sessions', 'enrollment', 'monitoring', 'messaging', 'scoring'] as const;
export type ServiceName = (typeof ServiceNames)[number];

/** BullMQ queue names: permanent, like subjects. */
export const Queues = {
  certificates: 'scoring-certificates',
  scheduledSessionStarts: 'sessions-scheduled-starts',
  attemptDeadlines: 'sessions-attempt-deadlines',
} as const;
