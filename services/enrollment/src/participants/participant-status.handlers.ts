import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { canMoveParticipant } from '@invigil/domain';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { Participant } from './participant.entity';

/** Participant status follows what happens in the sessions service. */
@Injectable()
export class ParticipantStatusHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionStarted, async (event, em) => {
      // Only those who joined move in; an Invited roster entry that never joined stays Invited.
      const waiting = await em.find(Participant, { sessionId: event.sessionId, status: ParticipantStatus.Waiting });
      for (const participant of waiting) moveTo(em, participant, ParticipantStatus.InSession);
    });
    this.consumer.on(Events.attemptSubmitted, async (event, em) => {
      const participant = await em.findOne(Participant, { sessionId: event.sessionId, userId: event.userId });
      if (participant) moveTo(em, participant, ParticipantStatus.Complete);
    });
    // The attempt's clock and connection (sessions service) drive the status proctors see.
    this.consumer.on(Events.attemptPaused, async (event, em) => {
      // A candidate who is away stays Disconnected: that is what the proctor most needs to see.
      await moveAttemptOwner(em, event, ParticipantStatus.Paused, [ParticipantStatus.InSession]);
    });
    this.consumer.on(Events.attemptResumed, async (event, em) => {
      // Likewise on resume; the reconnection brings them back In Session.
      await moveAttemptOwner(em, event, ParticipantStatus.InSession, [ParticipantStatus.Paused]);
    });
    this.consumer.on(Events.attemptDisconnected, async (event, em) => {
      await moveAttemptOwner(em, event, ParticipantStatus.Disconnected, [
        ParticipantStatus.InSession,
        ParticipantStatus.Paused,
      ]);
    });
    this.consumer.on(Events.attemptReconnected, async (event, em) => {
      // Kept simple: back In Session even if the attempt is still paused (paused, then away, then
      // back): the status says In Session until the proctor resumes, while the view stays blocked.
      await moveAttemptOwner(em, event, ParticipantStatus.InSession, [ParticipantStatus.Disconnected]);
    });
  }
}

/** Moves the attempt's participant to `to`, but only from one of the statuses the event is about. */
async function moveAttemptOwner(
  em: EntityManager,
  event: { sessionId: string; userId: string },
  to: ParticipantStatus,
  from: ParticipantStatus[],
): Promise<void> {
  const participant = await em.findOne(Participant, { sessionId: event.sessionId, userId: event.userId });
  if (participant && from.includes(participant.status)) moveTo(em, participant, to);
}

/** Applies a status change if the state machine allows it, and records the event in the same transaction. */
export function moveTo(em: EntityManager, participant: Participant, to: ParticipantStatus): void {
  const from = participant.status;
  if (from === to || !canMoveParticipant(from, to)) return;
  participant.status = to;
  recordEvent(em, Events.participantStatusChanged, {
    orgId: participant.orgId,
    sessionId: participant.sessionId,
    participantId: participant.id,
    userId: participant.userId,
    from,
    to,
  });
}
