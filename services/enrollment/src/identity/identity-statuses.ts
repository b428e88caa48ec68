import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { IdentityStatus, ParticipantView } from '@invigil/contracts';
import { identityStatusOf } from '@invigil/domain';
import { KnownSessions } from '../known-sessions/known-sessions';
import { Participant } from '../participants/participant.entity';
import { IdentityCheck } from './identity-check.entity';

/**
 * Every participant view enrollment returns carries the participant's identity status. Built from
 * local rows only, so it is safe inside a transaction; outside one, `learnSessionsOf` first lets a
 * session enrollment never recorded be asked for.
 */
@Injectable()
export class IdentityStatuses {
  constructor(private readonly knownSessions: KnownSessions) {}

  /** Records the identity setting of the participants' sessions not known yet; never inside a transaction. */
  learnSessionsOf(participants: { orgId: string; sessionId: string }[]): Promise<void> {
    return this.knownSessions.learnMissing(participants);
  }

  /** Each participant's identity status, in the order given. */
  async of(em: EntityManager, participants: Participant[]): Promise<IdentityStatus[]> {
    if (participants.length === 0) return [];
    const required = await this.knownSessions.identityRequired(em, participants);
    const checks = await em.find(IdentityCheck, { participantId: { $in: participants.map((row) => row.id) } });
    const stored = new Map(checks.map((check) => [check.participantId, check.status]));
    return participants.map((row) =>
      identityStatusOf(required.get(row.sessionId) ?? false, stored.get(row.id) ?? null),
    );
  }

  async views(em: EntityManager, participants: Participant[]): Promise<ParticipantView[]> {
    const statuses = await this.of(em, participants);
    return participants.map((row, index) => {
      const status = statuses[index];
      // `of` answers one status per participant in order; a gap would be a bug there, not a missing check.
      if (status === undefined) throw new Error(`No identity status computed for participant ${row.id}`);
      return row.toView(status);
    });
  }

  async view(em: EntityManager, participant: Participant): Promise<ParticipantView> {
    const [view] = await this.views(em, [participant]);
    if (!view) throw new Error(`No view built for participant ${participant.id}`);
    return view;
  }
}
