import type { EntityManager } from '@mikro-orm/postgresql';
import type { AffectedUser } from '@invigil/contracts';
import { LiveParticipant } from '../live/live-participant.entity';

/**
 * "Document affected users and progress": who was in which state with how many answers at the
 * moment the incident is filed, from the live view (the same numbers the proctor's roster shows).
 */
export async function affectedUsersOf(em: EntityManager, orgId: string, sessionId: string): Promise<AffectedUser[]> {
  const rows = await em.find(
    LiveParticipant,
    { orgId, sessionId, participantId: { $ne: null } },
    { orderBy: { displayName: 'asc', userId: 'asc' } },
  );
  return rows.flatMap((row) =>
    row.isIdentified()
      ? [
          {
            userId: row.userId,
            displayName: row.displayName,
            status: row.status,
            answeredCount: row.answeredCount,
            totalQuestions: row.totalQuestions,
          },
        ]
      : [],
  );
}
