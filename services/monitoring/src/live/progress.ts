import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptProgressEntry } from '@invigil/contracts';
import { ActivityText, who } from './activity-text';
import { LiveParticipant } from './live-participant.entity';
import { progressApplies, progressIsMilestone } from './live-rules';
import type { ParticipantRef } from './live-store';
import { logActivity, touchAndAnnounce } from './live-store';

type SessionScope = Omit<ParticipantRef, 'userId'>;
type Progress = Omit<AttemptProgressEntry, 'flaggedCount' | 'attemptId'> & { flaggedCount?: number };

/**
 * Many candidates' rows of one session, locked (in user order, so two batches never wait on each
 * other in a circle) and created first where an event overtook the join: one insert, one select.
 */
export async function lockParticipants(
  em: EntityManager,
  scope: SessionScope,
  userIds: readonly string[],
  at: Date,
): Promise<Map<string, LiveParticipant>> {
  await em.execute(
    `insert into live_participant (session_id, user_id, org_id, answered_count, total_questions, last_activity_at)
     select ?, u.value::uuid, ?, 0, coalesce((select question_count from session_info where session_id = ?), 0), ?
       from json_array_elements_text(?::json) as u
     order by 2
     on conflict do nothing`,
    [scope.sessionId, scope.orgId, scope.sessionId, at, JSON.stringify([...new Set(userIds)])],
  );
  const rows = await em.find(
    LiveParticipant,
    { sessionId: scope.sessionId, userId: { $in: [...userIds] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { userId: 'asc' } },
  );
  return new Map(rows.map((row) => [row.userId, row]));
}

/**
 * A candidate's progress reported at `at`: newer counts win, and only milestones (first answer,
 * half, all) become feed lines — not one row per saved answer.
 */
export function applyProgress(
  em: EntityManager,
  scope: SessionScope,
  row: LiveParticipant,
  progress: Progress,
  at: Date,
): void {
  // A save reached the server: the view is alive now.
  if (row.lastSeenAt === null || at.getTime() > row.lastSeenAt.getTime()) row.lastSeenAt = at;
  if (progressApplies(row.progressAt, at)) {
    const before = row.answeredCount;
    Object.assign(row, {
      answeredCount: progress.answeredCount,
      totalQuestions: progress.totalQuestions,
      flaggedCount: progress.flaggedCount ?? row.flaggedCount,
      progressAt: at,
    });
    if (progressIsMilestone(before, progress.answeredCount, progress.totalQuestions)) {
      const text = ActivityText.progressed(who(row.displayName), progress.answeredCount, progress.totalQuestions);
      logActivity(em, scope, row.participantId, at, text);
    }
  } else if (row.totalQuestions === 0) {
    // An older count of answers is stale, but the number of questions does not change.
    row.totalQuestions = progress.totalQuestions;
  }
  touchAndAnnounce(em, row, at);
}
