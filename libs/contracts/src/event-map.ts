import {
  AlertRaisedEvent,
  AttemptDisconnectedEvent,
  AttemptExtendedEvent,
  AttemptPausedEvent,
  AttemptProgressedEvent,
  AttemptsProgressedEvent,
  AttemptReconnectedEvent,
  AttemptResumedEvent,
  AttemptViewTakenOverEvent,
  AttemptReopenedEvent,
  AttemptTimeCreditedEvent,
  AttemptViewReleasedEvent,
  AttemptTimeWarningEvent,
  IdentityDecidedEvent,
  IdentitySubmittedEvent,
  SnapshotStoredEvent,
  AttemptSubmittedEvent,
  CertificateIssuedEvent,
  LiveParticipantUpdatedEvent,
  MessageSentEvent,
  MessageReceiptEvent,
  HandRaisedEvent,
  ParticipantAddedEvent,
  ParticipantJoinedEvent,
  ParticipantRemovedEvent,
  ParticipantTimeLimitChangedEvent,
  ParticipantStatusChangedEvent,
  ResultRecordedEvent,
  ReviewIdentitiesRevealedEvent,
  ResultsReleasedEvent,
  SessionCancelledEvent,
  SessionCreatedEvent,
  SessionEndedEvent,
  SessionEndingEvent,
  SessionPausedEvent,
  SessionRescheduledEvent,
  SessionResumedEvent,
  SessionStartedEvent,
  SessionUpdatedEvent,
} from './events';
import type { EventSubject } from './subjects';
import { Events } from './subjects';

/** The payload class of every event subject; consumers validate what they receive against it. */
export const EventPayloadClasses = {
  [Events.sessionCreated]: SessionCreatedEvent,
  [Events.sessionStarted]: SessionStartedEvent,
  [Events.sessionUpdated]: SessionUpdatedEvent,
  [Events.sessionPaused]: SessionPausedEvent,
  [Events.sessionResumed]: SessionResumedEvent,
  [Events.sessionEnded]: SessionEndedEvent,
  [Events.sessionCancelled]: SessionCancelledEvent,
  [Events.sessionRescheduled]: SessionRescheduledEvent,
  [Events.sessionEnding]: SessionEndingEvent,
  [Events.attemptProgressed]: AttemptProgressedEvent,
  [Events.attemptsProgressed]: AttemptsProgressedEvent,
  [Events.attemptSubmitted]: AttemptSubmittedEvent,
  [Events.attemptPaused]: AttemptPausedEvent,
  [Events.attemptResumed]: AttemptResumedEvent,
  [Events.attemptExtended]: AttemptExtendedEvent,
  [Events.attemptDisconnected]: AttemptDisconnectedEvent,
  [Events.attemptReconnected]: AttemptReconnectedEvent,
  [Events.attemptViewTakenOver]: AttemptViewTakenOverEvent,
  [Events.attemptReopened]: AttemptReopenedEvent,
  [Events.attemptTimeCredited]: AttemptTimeCreditedEvent,
  [Events.attemptViewReleased]: AttemptViewReleasedEvent,
  [Events.attemptTimeWarning]: AttemptTimeWarningEvent,
  [Events.identitySubmitted]: IdentitySubmittedEvent,
  [Events.identityDecided]: IdentityDecidedEvent,
  [Events.alertRaised]: AlertRaisedEvent,
  [Events.snapshotStored]: SnapshotStoredEvent,
  [Events.participantJoined]: ParticipantJoinedEvent,
  [Events.participantStatusChanged]: ParticipantStatusChangedEvent,
  [Events.participantAdded]: ParticipantAddedEvent,
  [Events.participantRemoved]: ParticipantRemovedEvent,
  [Events.participantTimeLimitChanged]: ParticipantTimeLimitChangedEvent,
  [Events.resultRecorded]: ResultRecordedEvent,
  [Events.certificateIssued]: CertificateIssuedEvent,
  [Events.reviewIdentitiesRevealed]: ReviewIdentitiesRevealedEvent,
  [Events.resultsReleased]: ResultsReleasedEvent,
  [Events.messageSent]: MessageSentEvent,
  [Events.messageReceipt]: MessageReceiptEvent,
  [Events.handRaised]: HandRaisedEvent,
  [Events.liveParticipantUpdated]: LiveParticipantUpdatedEvent,
} as const satisfies Record<EventSubject, new () => object>;

export type EventPayload<S extends EventSubject> = InstanceType<(typeof EventPayloadClasses)[S]>;

/** What travels on JetStream and over the socket: the payload plus who, when and why. */
export interface EventEnvelope<S extends EventSubject = EventSubject> {
  /** The outbox row id; also the JetStream de-duplication id. */
  eventId: string;
  subject: S;
  occurredAt: string;
  correlationId: string | null;
  data: EventPayload<S>;
}
