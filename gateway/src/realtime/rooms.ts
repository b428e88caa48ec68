import type { EventEnvelope, ResultRecordedEvent } from '@invigil/contracts';
import { Events } from '@invigil/contracts';

/** Room names: every room is inside one organization, so a push never crosses organizations. */
export const staffRoom = (orgId: string, sessionId: string) => `org:${orgId}:session:${sessionId}:staff`;
export const candidatesRoom = (orgId: string, sessionId: string) => `org:${orgId}:session:${sessionId}:candidates`;
export const userRoom = (orgId: string, userId: string) => `org:${orgId}:user:${userId}`;

/** Events a session's candidates all see; everything else about others stays with staff. */
const FOR_ALL_CANDIDATES = new Set<string>([
  Events.sessionStarted,
  Events.sessionPaused,
  Events.sessionResumed,
  Events.sessionEnded,
  Events.sessionCancelled,
  Events.sessionRescheduled,
  Events.sessionEnding,
  // The release carries counts only; each candidate's page then asks for its own result.
  Events.resultsReleased,
]);

/**
 * Events a candidate sees about themself (staff see them too). Alerts, snapshots and identity
 * submissions are about a candidate but stay with staff.
 */
const FOR_THE_USER = new Set<string>([
  Events.participantJoined,
  Events.participantStatusChanged,
  Events.attemptProgressed,
  Events.attemptSubmitted,
  Events.resultRecorded,
  Events.certificateIssued,
  Events.identityDecided,
  Events.attemptPaused,
  Events.attemptResumed,
  Events.attemptExtended,
  Events.attemptDisconnected,
  Events.attemptReconnected,
  Events.attemptViewTakenOver,
  Events.attemptReopened,
  Events.attemptTimeCredited,
  Events.attemptViewReleased,
  Events.handRaised,
]);

interface RoutedData {
  orgId: string;
  sessionId: string;
  userId?: string;
  toUserId?: string;
  recipientUserIds?: string[];
  readerSide?: string;
}

/**
 * Which rooms one event goes to. Pure, so the routing rules have unit tests. A private message
 * reaches only its candidate (and staff), a subset broadcast only its recipients; receipts stay with staff.
 */
export function roomsFor(envelope: EventEnvelope): string[] {
  const data = envelope.data as RoutedData;
  const rooms = [staffRoom(data.orgId, data.sessionId)];
  if (FOR_ALL_CANDIDATES.has(envelope.subject)) rooms.push(candidatesRoom(data.orgId, data.sessionId));
  if (FOR_THE_USER.has(envelope.subject) && data.userId) rooms.push(userRoom(data.orgId, data.userId));
  if (envelope.subject === Events.messageSent) rooms.push(...messageRooms(data));
  // Staff reading a candidate's message: the candidate's own pages show it was read.
  if (envelope.subject === Events.messageReceipt && data.readerSide === 'staff' && data.toUserId) {
    rooms.push(userRoom(data.orgId, data.toUserId));
  }
  return rooms;
}

/**
 * What a candidate's rooms receive of an event staff get whole: a recorded result goes to its candidate
 * without `percent` and `passed`, since the session's results may not be released yet (the page asks
 * for the result over HTTP, which shows what the release allows).
 */
export function candidateCopy(envelope: EventEnvelope): CandidateEnvelope {
  if (envelope.subject !== Events.resultRecorded) return envelope;
  const { percent: _percent, passed: _passed, ...data } = envelope.data as ResultRecordedEvent;
  return { ...envelope, data };
}

/** An event as pushed to a candidate: its data may lack what staff alone see. */
export type CandidateEnvelope = Omit<EventEnvelope, 'data'> & { data: object };

/** Whether a room is a session's staff room (staff see every event whole). */
export function isStaffRoom(room: string): boolean {
  return room.endsWith(':staff');
}

function messageRooms(data: RoutedData): string[] {
  if (data.toUserId) return [userRoom(data.orgId, data.toUserId)];
  if (data.recipientUserIds) return data.recipientUserIds.map((userId) => userRoom(data.orgId, userId));
  return [candidatesRoom(data.orgId, data.sessionId)];
}
