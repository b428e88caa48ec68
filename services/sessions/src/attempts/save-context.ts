import type { EntityManager } from '@mikro-orm/postgresql';
import type { SaveAnswerRequest, SessionStatus } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import type { Attempt } from './attempt.entity';

type ClockFields = Pick<
  Attempt,
  'timeLimitMs' | 'extensionsMs' | 'creditedMs' | 'startedAt' | 'pausedMs' | 'pausedSince'
>;

/** What one save needs to know about its attempt and session, read inside the batch's transaction. */
export interface SaveContext {
  attemptId: string;
  status: AttemptStatus;
  liveViewId: string | null;
  flaggedCount: number;
  clock: ClockFields;
  sessionStatus: SessionStatus;
  gracePeriodSeconds: number;
  assessmentVersionId: string;
}

interface SaveContextRow {
  org_id: string;
  session_id: string;
  user_id: string;
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
 * Every attempt a batch of saves touches, with its session, in ONE statement, under a shared lock:
 * saves run side by side, but a pause, an extension or a submit (which take the row exclusively,
 * on whichever replica) wait for the batch, and the batch sees what they committed. Locked in id
 * order so two batches and a session-wide change take the rows in the same order.
 */
const SAVE_CONTEXTS = `select a."org_id", a."session_id", a."user_id", a."id", a."status", a."live_view_id",
    jsonb_array_length(a."flagged_question_ids") as "flagged_count",
    a."started_at", a."time_limit_ms", a."extensions_ms", a."credited_ms", a."paused_ms", a."paused_since",
    s."status" as "session_status", s."grace_period_seconds", s."assessment_version_id"
  from json_to_recordset(?::json) as k("org_id" uuid, "session_id" uuid, "user_id" uuid)
  join "attempt" a on a."org_id" = k."org_id" and a."session_id" = k."session_id" and a."user_id" = k."user_id"
  join "session" s on s."id" = a."session_id"
  order by a."id"
  for share of a`;

type AttemptKey = Pick<SaveAnswerRequest, 'orgId' | 'sessionId' | 'userId'>;

export function attemptKey(key: AttemptKey): string {
  return `${key.orgId}/${key.sessionId}/${key.userId}`;
}

/** The contexts of the batch's attempts by `attemptKey`; an attempt not opened yet is absent. */
export async function lockAttemptsForSaving(
  em: EntityManager,
  requests: readonly AttemptKey[],
): Promise<Map<string, SaveContext>> {
  const keys = new Map(requests.map((request) => [attemptKey(request), request]));
  const json = JSON.stringify(
    [...keys.values()].map((key) => ({ org_id: key.orgId, session_id: key.sessionId, user_id: key.userId })),
  );
  const rows = await em.execute<SaveContextRow[]>(SAVE_CONTEXTS, [json]);
  return new Map(
    rows.map((row) => [
      attemptKey({ orgId: row.org_id, sessionId: row.session_id, userId: row.user_id }),
      toContext(row),
    ]),
  );
}

function toContext(row: SaveContextRow): SaveContext {
  return {
    attemptId: row.id,
    status: row.status,
    liveViewId: row.live_view_id,
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

/** The attempt-level refusals, in the order the single-save path checked them, with the same messages. */
export function contextOrRefusal(context: SaveContext | undefined, request: SaveAnswerRequest): SaveContext {
  if (!context)
    throw RpcError.notFound('You have no attempt in this session yet. Open the assessment before answering.');
  if (context.status === AttemptStatus.Submitted)
    throw RpcError.conflict('This attempt was submitted; answers can no longer change.');
  if (request.viewId && context.liveViewId && request.viewId !== context.liveViewId) {
    throw RpcError.conflict('This exam continues in another window or device; this one can no longer save answers.');
  }
  return context;
}
