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
  /** The sequence stored after the batch: this write's own, or a newer one that won. */
  clientSeq: number;
  savedAt: Date;
}

/** `(attempt, question)` as one map key. */
export function answerKey(attemptId: string, questionId: string): string {
  return `${attemptId}/${questionId}`;
}

/**
 * One statement decides, under each row's lock, whether a save is newer than what is stored:
 * concurrent saves of one question settle on the highest sequence whatever order they arrive in,
 * in one batch or in batches on two replicas. The rows go in key order, so two batches lock
 * shared rows in the same order (no deadlock between them).
 */
const GUARDED_UPSERT = `insert into "answer" ("attempt_id", "question_id", "value", "client_seq", "change_count", "saved_at")
  select w."attempt_id", w."question_id", w."value", w."client_seq", 1, w."saved_at"
  from json_to_recordset(?::json) as w("attempt_id" uuid, "question_id" uuid, "value" jsonb, "client_seq" int, "saved_at" timestamptz)
  order by w."attempt_id", w."question_id"
  on conflict ("attempt_id", "question_id") do update
    set "value" = excluded."value",
        "client_seq" = excluded."client_seq",
        "change_count" = "answer"."change_count" + 1,
        "saved_at" = excluded."saved_at"
    where "answer"."client_seq" < excluded."client_seq"
  returning "attempt_id", "question_id"`;

/**
 * What is stored now for every key written. Read after the upsert in the same transaction: the
 * upsert locked each conflicting row (refused or not), so this is what will be committed.
 */
const STORED = `select a."attempt_id", a."question_id", a."client_seq", a."saved_at"
  from json_to_recordset(?::json) as k("attempt_id" uuid, "question_id" uuid)
  join "answer" a on a."attempt_id" = k."attempt_id" and a."question_id" = k."question_id"`;

interface StoredRow {
  attempt_id: string;
  question_id: string;
  client_seq: number;
  saved_at: Date | string;
}

export interface UpsertResult {
  /** Keys whose write won (so the stored answer is the one this batch sent). */
  accepted: Set<string>;
  /** What is stored for every key written, accepted or not. */
  stored: Map<string, StoredAnswer>;
}

/**
 * Writes a batch of answers: at most one write per key (the caller keeps the highest sequence of a
 * key; one statement cannot touch a row twice).
 */
export async function upsertAnswers(em: EntityManager, writes: readonly AnswerWrite[]): Promise<UpsertResult> {
  if (writes.length === 0) return { accepted: new Set(), stored: new Map() };
  const rows = writes.map((write) => ({
    attempt_id: write.attemptId,
    question_id: write.questionId,
    value: write.value,
    client_seq: write.clientSeq,
    saved_at: write.savedAt.toISOString(),
  }));
  const written = await em.execute<Pick<StoredRow, 'attempt_id' | 'question_id'>[]>(GUARDED_UPSERT, [
    JSON.stringify(rows),
  ]);
  const keys = JSON.stringify(rows.map(({ attempt_id, question_id }) => ({ attempt_id, question_id })));
  const stored = await em.execute<StoredRow[]>(STORED, [keys]);
  return {
    accepted: new Set(written.map((row) => answerKey(row.attempt_id, row.question_id))),
    stored: new Map(
      stored.map((row) => [
        answerKey(row.attempt_id, row.question_id),
        { clientSeq: row.client_seq, savedAt: new Date(row.saved_at) },
      ]),
    ),
  };
}

/** Answered questions per attempt, for every attempt asked about (0 when none). */
export async function countAnswersOf(em: EntityManager, attemptIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(attemptIds.map((id) => [id, 0]));
  if (attemptIds.length === 0) return counts;
  const rows = await em.execute<{ attempt_id: string; count: number }[]>(
    `select "attempt_id", count(*)::int as "count" from "answer"
      where "attempt_id" in (select value::uuid from json_array_elements_text(?::json)) group by "attempt_id"`,
    [JSON.stringify(attemptIds)],
  );
  for (const row of rows) counts.set(row.attempt_id, row.count);
  return counts;
}

export async function countAnswers(em: EntityManager, attemptId: string): Promise<number> {
  const counts = await countAnswersOf(em, [attemptId]);
  return counts.get(attemptId) ?? 0;
}
