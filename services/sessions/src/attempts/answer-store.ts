import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue } from '@invigil/contracts';

export interface AnswerWrite {
  attemptId: string;
  questionId: string;
  value: AnswerValue;
  clientSeq: number;
  savedAt: Date;
}

export interface StoredAnswer {
  /** The sequence stored after this write: the write's own, or a newer one that had already won. */
  clientSeq: number;
  savedAt: Date;
  /** False when the stored sequence was newer or equal (an older save, or a replay). */
  accepted: boolean;
}

/**
 * One statement decides, under the row's lock, whether this save is newer than what is stored:
 * concurrent saves of one question settle on the highest sequence whatever order they arrive in.
 */
const GUARDED_UPSERT = `insert into "answer" ("attempt_id", "question_id", "value", "client_seq", "change_count", "saved_at")
  values (?, ?, ?::jsonb, ?, 1, ?)
  on conflict ("attempt_id", "question_id") do update
    set "value" = excluded."value",
        "client_seq" = excluded."client_seq",
        "change_count" = "answer"."change_count" + 1,
        "saved_at" = excluded."saved_at"
    where "answer"."client_seq" < excluded."client_seq"
  returning "client_seq", "saved_at"`;

interface SeqRow {
  client_seq: number;
  saved_at: Date | string;
}

export async function upsertAnswer(em: EntityManager, write: AnswerWrite): Promise<StoredAnswer> {
  const params = [write.attemptId, write.questionId, JSON.stringify(write.value), write.clientSeq, write.savedAt];
  const [written] = await em.execute<SeqRow[]>(GUARDED_UPSERT, params);
  if (written) return { clientSeq: written.client_seq, savedAt: new Date(written.saved_at), accepted: true };
  // Refused: the conflicting row stays locked by this transaction, so this read is what will be stored.
  const [kept] = await em.execute<SeqRow[]>(
    `select "client_seq", "saved_at" from "answer" where "attempt_id" = ? and "question_id" = ?`,
    [write.attemptId, write.questionId],
  );
  if (!kept) {
    throw new Error(
      `Answer to ${write.questionId} in attempt ${write.attemptId} was refused, yet no stored answer exists`,
    );
  }
  return { clientSeq: kept.client_seq, savedAt: new Date(kept.saved_at), accepted: false };
}

export async function countAnswers(em: EntityManager, attemptId: string): Promise<number> {
  const [row] = await em.execute<{ count: number }[]>(
    `select count(*)::int as "count" from "answer" where "attempt_id" = ?`,
    [attemptId],
  );
  // count(*) without grouping always returns one row.
  if (!row) throw new Error(`Counting the answers of attempt ${attemptId} returned no row`);
  return row.count;
}
