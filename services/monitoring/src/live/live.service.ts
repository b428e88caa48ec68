import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { GetLiveSessionRequest, LiveParticipantView, LiveSessionView } from '@invigil/contracts';
import { liveCounters } from '@invigil/domain';
import { ActivityEntry } from './activity-entry.entity';
import { LiveParticipant } from './live-participant.entity';

const ACTIVITY_LIMIT = 50;
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

@Injectable()
export class LiveService {
  constructor(private readonly em: EntityManager) {}

  /** An unknown session is an empty dashboard, not an error: the read model may simply not have heard of it yet. */
  async live(request: GetLiveSessionRequest): Promise<LiveSessionView> {
    const em = this.em.fork();
    const scope = { orgId: request.orgId, sessionId: request.sessionId };
    const rows = await em.find(LiveParticipant, { ...scope, participantId: { $ne: null } });
    const participants: LiveParticipantView[] = [];
    for (const row of rows) if (row.isIdentified()) participants.push(row.toView());
    // Sorted here rather than in SQL: the database's C collation would put "adam" after "Zoe".
    participants.sort(
      (a, b) => byName.compare(a.displayName, b.displayName) || a.participantId.localeCompare(b.participantId),
    );
    const activity = await em.find(ActivityEntry, scope, {
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: ACTIVITY_LIMIT,
    });
    return {
      sessionId: request.sessionId,
      participants,
      counters: liveCounters(participants),
      activity: activity.map((entry) => ({ at: entry.at.toISOString(), text: entry.text })),
    };
  }
}
