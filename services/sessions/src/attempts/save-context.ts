import type { EntityManager } from '@mikro-orm/postgresql';
import type { SaveAnswerRequest, SessionStatus } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import type { Attempt } from './attempt.entity';

type ClockFields = Pick<
  Attempt,
  'timeLimitMs' | 'extensionsMs' | 'creditedMs' | 'startedAt' | 'pausedMs' | 'pausedSince'
>;

/** What one save needs to know about its attempt and session, read in one statement. */
export interface SaveContext {
  attemptId: string;
  flaggedCount: number;
  clock: ClockFields;
  sessionStatus: SessionStatus;
  gracePeriodSeconds: number;
  assessmentVersionId: string;
}

interface SaveContextRow {
  id: string;
  status: AttemptStatus;
  live_view_id: string | null;
  flagged_count: number;
  started_at: Date | string;
  time_limit_ms: string | number;
  extensions_ms: string | number;
  credited_ms: string | number;
  paused_ms: string | number;
  paused_since: Date | string | null;
  session_status: SessionStatus;
  grace_period_seconds: number;
  assessment_version_id: string;
}

/**
 * A shared lock on the attempt row: saves run side by side, but a submit (which takes it
 * exclusively) waits for them, so a submission holds every acknowledged answer.
 */
const SAVE_CONTEXT = `select a."id", a."status", a."live_view_id", jsonb_array_length(a."flagged_question_ids") as "flagged_count",
    a."started_at", a."time_limit_ms", a."extensions_ms", a."credited_ms", a."paused_ms", a."paused_since",
    s."status" as "session_status", s."grace_period_seconds", s."assessment_version_id"
  from "attempt" a join "session" s on s."id" = a."session_id"
  where a."org_id" = ? and a."session_id" = ? and a."user_id" = ?
  for share of a`;

export async function lockAttemptForSaving(em: EntityManager, request: SaveAnswerRequest): Promise<SaveContext> {
  const [row] = await em.execute<SaveContextRow[]>(SAVE_CONTEXT, [request.orgId, request.sessionId, request.userId]);
  if (!row) throw RpcError.notFound('You have no attempt in this session yet. Open the assessment before answering.');
  if (row.status === AttemptStatus.Submitted)
    throw RpcError.conflict('This attempt was submitted; answers can no longer change.');
  if (request.viewId && row.live_view_id && request.viewId !== row.live_view_id) {
    throw RpcError.conflict('This exam continues in another window or device; this one can no longer save answers.');
  }
  return {
    attemptId: row.id,
    flaggedCount: row.flagged_count,
    clock: {
      startedAt: new Date(row.started_at),
      timeLimitMs: Number(row.time_limit_ms),
      extensionsMs: Number(row.extensions_ms),
      creditedMs: Number(row.credited_ms),
      pausedMs: Number(row.paused_ms),
      pausedSince: row.paused_since ? new Date(row.paused_since) : null,
    },
    sessionStatus: row.session_status,
    gracePeriodSeconds: row.grace_period_seconds,
    assessmentVersionId: row.assessment_version_id,
  };
}
