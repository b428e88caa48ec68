import type { EventEnvelope, EventPayload, EventSubject } from '@invigil/contracts';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { randomUUID } from 'node:crypto';

export const ORG_ID = DEMO_ORG.id;
export const CARLA = DEMO_USERS[2];

/** An envelope that happened `second` seconds into the session, as the producing service's relay would send it. */
function at<S extends EventSubject>(base: number, second: number, subject: S, data: EventPayload<S>): EventEnvelope<S> {
  return {
    eventId: randomUUID(),
    subject,
    occurredAt: new Date(base + second * 1000).toISOString(),
    correlationId: randomUUID(),
    data,
  };
}

/**
 * What the sessions, enrollment and scoring services report while Carla takes a three-question
 * session: created, joined, started, in session, two answers, submitted, scored 66.7%.
 */
export function carlaTakesASession() {
  const sessionId = randomUUID();
  const participantId = randomUUID();
  const attemptId = randomUUID();
  const base = Date.UTC(2026, 10, 26, 9, 0, 0);
  const scope = { orgId: ORG_ID, sessionId };
  const carla = { ...scope, userId: CARLA.id };
  const answers = [randomUUID(), randomUUID()].map((questionId) => ({ questionId, answer: { selectedOption: 1 } }));
  const events = [
    at(base, 0, Events.sessionCreated, {
      ...scope,
      name: 'Safety Basics, morning',
      enrollmentCode: 'SAFE01',
      questionCount: 3,
    }),
    at(base, 10, Events.participantJoined, {
      ...carla,
      participantId,
      displayName: CARLA.displayName,
      status: ParticipantStatus.Waiting,
    }),
    at(base, 20, Events.sessionStarted, {
      ...scope,
      name: 'Safety Basics, morning',
      startedAt: new Date(base + 20_000).toISOString(),
    }),
    at(base, 21, Events.participantStatusChanged, {
      ...carla,
      participantId,
      from: ParticipantStatus.Waiting,
      to: ParticipantStatus.InSession,
    }),
    at(base, 30, Events.attemptProgressed, { ...carla, attemptId, answeredCount: 1, totalQuestions: 3 }),
    at(base, 40, Events.attemptProgressed, { ...carla, attemptId, answeredCount: 2, totalQuestions: 3 }),
    at(base, 50, Events.attemptSubmitted, {
      ...carla,
      attemptId,
      assessmentVersionId: randomUUID(),
      submittedAt: new Date(base + 50_000).toISOString(),
      answers,
    }),
    at(base, 51, Events.resultRecorded, { ...carla, resultId: randomUUID(), percent: 66.7, passed: true }),
  ];
  const finalRow = {
    participantId,
    sessionId,
    userId: CARLA.id,
    displayName: CARLA.displayName,
    status: ParticipantStatus.Complete,
    answeredCount: 2,
    totalQuestions: 3,
    scorePercent: 66.7,
    lastActivityAt: new Date(base + 51_000).toISOString(),
    alertCount: 0,
    connected: true,
    // The last save's time: a save is the view being heard from.
    lastSeenAt: new Date(base + 40_000).toISOString(),
    flaggedCount: 0,
    alerts: { low: 0, medium: 0, high: 0 },
    unreadMessages: 0,
    handRaised: false,
    extensionMinutes: 0,
    creditedSeconds: 0,
  };
  return { sessionId, participantId, events, finalRow };
}
