import type { EventEnvelope } from '@invigil/contracts';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { candidateCopy, candidatesRoom, isStaffRoom, roomsFor, staffRoom, userRoom } from './rooms';

const org = 'o1';
const session = 's1';
const envelope = (subject: EventEnvelope['subject'], data: object): EventEnvelope =>
  ({
    eventId: 'e',
    subject,
    occurredAt: '',
    correlationId: null,
    data: { orgId: org, sessionId: session, ...data },
  }) as EventEnvelope;

describe('roomsFor', () => {
  it("sends a participant's status change to staff and to that participant only", () => {
    const rooms = roomsFor(
      envelope(Events.participantStatusChanged, {
        userId: 'u1',
        from: ParticipantStatus.Waiting,
        to: ParticipantStatus.InSession,
      }),
    );
    expect(rooms).toEqual([staffRoom(org, session), userRoom(org, 'u1')]);
  });

  it('keeps the live dashboard rows with staff', () => {
    expect(roomsFor(envelope(Events.liveParticipantUpdated, { userId: 'u1' }))).toEqual([staffRoom(org, session)]);
  });

  it('tells every candidate of the session when it starts, pauses, resumes, is ending, ends, is cancelled or moved, and when its results are released', () => {
    for (const subject of [
      Events.sessionStarted,
      Events.sessionPaused,
      Events.sessionResumed,
      Events.sessionEnding,
      Events.sessionEnded,
      Events.sessionCancelled,
      Events.sessionRescheduled,
      Events.resultsReleased,
    ]) {
      expect(roomsFor(envelope(subject, {}))).toContain(candidatesRoom(org, session));
    }
  });

  it('keeps setting edits with staff', () => {
    expect(roomsFor(envelope(Events.sessionUpdated, {}))).toEqual([staffRoom(org, session)]);
  });

  it('sends a broadcast to all candidates and a private message to its addressee alone', () => {
    expect(roomsFor(envelope(Events.messageSent, { kind: 'broadcast' }))).toContain(candidatesRoom(org, session));
    const privateRooms = roomsFor(envelope(Events.messageSent, { kind: 'broadcast', toUserId: 'u2' }));
    expect(privateRooms).toContain(userRoom(org, 'u2'));
    expect(privateRooms).not.toContain(candidatesRoom(org, session));
  });

  it('sends a subset broadcast to its recipients only, never to the whole session', () => {
    const rooms = roomsFor(envelope(Events.messageSent, { kind: 'broadcast', recipientUserIds: ['u2', 'u3'] }));
    expect(rooms).toEqual([staffRoom(org, session), userRoom(org, 'u2'), userRoom(org, 'u3')]);
  });

  it("keeps receipts with staff, and sends a raised hand to staff and the candidate's own pages", () => {
    const candidateRead = { userId: 'u1', messageId: 'm', readerSide: 'candidate', toUserId: 'u1' };
    expect(roomsFor(envelope(Events.messageReceipt, candidateRead))).toEqual([staffRoom(org, session)]);
    // Staff reading what a candidate wrote: that candidate sees it was read, nobody else.
    const staffRead = { userId: 'p1', messageId: 'm', readerSide: 'staff', toUserId: 'u2' };
    expect(roomsFor(envelope(Events.messageReceipt, staffRead))).toEqual([
      staffRoom(org, session),
      userRoom(org, 'u2'),
    ]);
    expect(roomsFor(envelope(Events.handRaised, { userId: 'u1', raised: true }))).toEqual([
      staffRoom(org, session),
      userRoom(org, 'u1'),
    ]);
  });

  it('keeps alerts, snapshots and identity submissions with staff', () => {
    for (const subject of [Events.alertRaised, Events.snapshotStored, Events.identitySubmitted]) {
      expect(roomsFor(envelope(subject, { userId: 'u1' }))).toEqual([staffRoom(org, session)]);
    }
  });

  it('tells a candidate the identity decision and what happens to their own attempt, and no one else', () => {
    for (const subject of [
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
    ]) {
      expect(roomsFor(envelope(subject, { userId: 'u1' }))).toEqual([staffRoom(org, session), userRoom(org, 'u1')]);
    }
  });
  it('sends a recorded result to its candidate without the score or outcome, and whole to staff', () => {
    const recorded = envelope(Events.resultRecorded, { userId: 'u1', resultId: 'r1', percent: 80, passed: true });
    expect(candidateCopy(recorded).data).toEqual({ orgId: org, sessionId: session, userId: 'u1', resultId: 'r1' });
    expect(recorded.data).toMatchObject({ percent: 80, passed: true });
    const started = envelope(Events.sessionStarted, {});
    expect(candidateCopy(started)).toBe(started);
    expect(roomsFor(recorded).filter(isStaffRoom)).toEqual([staffRoom(org, session)]);
  });
});
