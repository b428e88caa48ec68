import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { IdentityStatus, ParticipantView } from '@invigil/contracts';
import { identityStatusOf } from '@invigil/domain';
import { Participant } from '../roster/participant.entity';
import { IdentityCheck } from './identity-check.entity';
import { SessionRules } from './session-rules';

/** Every participant view enrollment returns carries the participant's identity status. */
@Injectable()
export class IdentityStatuses {
  constructor(private readonly rules: SessionRules) {}

  /** Each participant's identity status, in the order given. */
  async of(em: EntityManager, participants: Participant[]): Promise<IdentityStatus[]> {
    if (participants.length === 0) return [];
    const required = await this.rules.identityRequired(em, participants);
    const checks = await em.find(IdentityCheck, { participantId: { $in: participants.map((row) => row.id) } });
    const stored = new Map(checks.map((check) => [check.participantId, check.status]));
    return participants.map((row) =>
      identityStatusOf(required.get(row.sessionId) ?? false, stored.get(row.id) ?? null),
    );
  }

  async views(em: EntityManager, participants: Participant[]): Promise<ParticipantView[]> {
    const statuses = await this.of(em, participants);
    return participants.map((row, index) => row.toView(statuses[index]));
  }

  async view(em: EntityManager, participant: Participant): Promise<ParticipantView> {
    return (await this.views(em, [participant]))[0];
  }
}
