import type { EventEnvelope } from '@invigil/contracts';
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
]);

/** Which rooms one event goes to. Pure, so the routing rules have unit tests. */
export function roomsFor(envelope: EventEnvelope): string[] {
  const data = envelope.data as { orgId: string; sessionId: string; userId?: string; toUserId?: string; kind?: string };
  const rooms = [staffRoom(data.orgId, data.sessionId)];
  if (FOR_ALL_CANDIDATES.has(envelope.subject)) rooms.push(candidatesRoom(data.orgId, data.sessionId));
  if (FOR_THE_USER.has(envelope.subject) && data.userId) rooms.push(userRoom(data.orgId, data.userId));
  if (envelope.subject === Events.messageSent) {
    rooms.push(data.toUserId ? userRoom(data.orgId, data.toUserId) : candidatesRoom(data.orgId, data.sessionId));
  }
  return rooms;
}
