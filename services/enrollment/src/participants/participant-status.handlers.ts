import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events, ParticipantStatus } from '@invigil/contracts';
import { canMoveParticipant, ParticipantCause, participantReactions, participantStatusAfter } from '@invigil/domain';
import { EventConsumer, recordEvent } from '@invigil/server-platform';
import { Participant } from './participant.entity';

/** Participant status follows what happens in the sessions service. */
@Injectable()
export class ParticipantStatusHandlers implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionStarted, async (event, em) => {
      const { from } = participantReactions.sessionStarted;
      const joined = await em.find(Participant, { sessionId: event.sessionId, status: { $in: [...from] } });
      for (const participant of joined) react(em, participant, 'sessionStarted');
    });
    // The attempt's clock and connection (sessions service) drive the status proctors see.
    this.consumer.on(Events.attemptSubmitted, (event, em) => reactToAttempt(em, event, 'attemptSubmitted'));
    this.consumer.on(Events.attemptPaused, (event, em) => reactToAttempt(em, event, 'attemptPaused'));
    this.consumer.on(Events.attemptResumed, (event, em) => reactToAttempt(em, event, 'attemptResumed'));
    this.consumer.on(Events.attemptDisconnected, (event, em) => reactToAttempt(em, event, 'attemptDisconnected'));
    this.consumer.on(Events.attemptReconnected, (event, em) => reactToAttempt(em, event, 'attemptReconnected'));
    this.consumer.on(Events.attemptReopened, (event, em) => reactToAttempt(em, event, 'attemptReopened'));
  }
}

/** Moves the attempt's participant as `cause` says (participantReactions), if it applies to their status. */
async function reactToAttempt(
  em: EntityManager,
  event: { sessionId: string; userId: string },
  cause: ParticipantCause,
): Promise<void> {
  const participant = await em.findOne(Participant, { sessionId: event.sessionId, userId: event.userId });
  if (participant) react(em, participant, cause);
}

function react(em: EntityManager, participant: Participant, cause: ParticipantCause): void {
  const to = participantStatusAfter(cause, participant.status);
  if (to) moveTo(em, participant, to);
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
