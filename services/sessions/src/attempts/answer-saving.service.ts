import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Events, RpcErrorCode, SaveAnswerAck, SaveAnswerRequest } from '@invigil/contracts';
import { sessionIsFinished } from '@invigil/domain';
import { INVIGIL_METRICS, InvigilMetrics, Outbox, recordEvents, RpcError } from '@invigil/server-platform';
import { Histogram } from 'prom-client';
import { PinnedQuestionsCache } from '../assessments/pinned-questions';
import { checkAnswer } from '../assessments/questions';
import { SessionsEnv } from '../config/env';
import { answerKey, AnswerWrite, countAnswersOf, upsertAnswers } from './answer-store';
import { autoSubmitAt } from './attempt-clock';
import { BatchOutcome, GroupCommitQueue } from './group-commit-queue';
import { AttemptProgress, progressBySession, ProgressCoalescer } from './progress-coalescer';
import { attemptKey, contextOrRefusal, lockAttemptsForSaving, SaveContext } from './save-context';

/** A save that passed every rule and will be written. */
interface CheckedSave {
  request: SaveAnswerRequest;
  context: SaveContext;
  totalQuestions: number;
  write: AnswerWrite;
}

/**
 * The hottest path of the system (every answer change of every candidate), written by group commit:
 * the saves of a few milliseconds share ONE transaction — one read of their attempts (shared lock),
 * one multi-row guarded upsert, one count, one outbox insert — and each gets its own reply only
 * after that transaction commits, so an acknowledged answer is in PostgreSQL.
 */
@Injectable()
export class AnswerSavingService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AnswerSavingService.name);
  private readonly queue: GroupCommitQueue<SaveAnswerRequest, SaveAnswerAck>;
  private readonly batchSizes: Histogram;

  constructor(
    private readonly outbox: Outbox,
    private readonly pinned: PinnedQuestionsCache,
    private readonly progress: ProgressCoalescer,
    env: SessionsEnv,
    @Inject(INVIGIL_METRICS) metrics: InvigilMetrics,
  ) {
    this.batchSizes = saveBatchHistogram(metrics);
    this.queue = new GroupCommitQueue(
      {
        windowMs: env.SAVE_BATCH_WINDOW_MS,
        maxBatch: env.SAVE_BATCH_MAX,
        maxInFlight: env.SAVE_BATCHES_IN_FLIGHT,
        maxWaitMs: env.SAVE_QUEUE_MAX_WAIT_MS,
      },
      (requests) => this.writeBatch(requests),
      (error) => this.batchFailed(error),
      () => busy(),
    );
  }

  /**
   * Idempotent per (attempt, question, clientSeq); settles only after the batch's commit. The
   * browser resends anything unacknowledged.
   */
  save(request: SaveAnswerRequest): Promise<SaveAnswerAck> {
    return this.queue.submit(request);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.drain();
  }

  /** A deadlock with a session-wide change (which locks many attempts) is retried once; it changed nothing. */
  private async writeBatch(requests: SaveAnswerRequest[]): Promise<BatchOutcome<SaveAnswerAck>[]> {
    try {
      return await this.writeOnce(requests);
    } catch (error) {
      if (!isDeadlock(error)) throw error;
      this.logger.warn(`A batch of ${requests.length} saves met a deadlock; writing it again`);
      return this.writeOnce(requests);
    }
  }

  private async writeOnce(requests: SaveAnswerRequest[]): Promise<BatchOutcome<SaveAnswerAck>[]> {
    this.batchSizes.observe(requests.length);
    return this.outbox.transaction(async (em) => {
      const contexts = await lockAttemptsForSaving(em, requests);
      const now = new Date();
      const results: (BatchOutcome<SaveAnswerAck> | CheckedSave)[] = [];
      for (const request of requests) {
        try {
          results.push(await this.check(em, request, contexts.get(attemptKey(request)), now));
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      const checked = results.filter((result): result is CheckedSave => 'write' in result);
      const { accepted, stored } = await upsertAnswers(em, highestPerKey(checked));
      const counts = await countAnswersOf(em, [...new Set(checked.map((save) => save.context.attemptId))]);
      // A stale or replayed save changed nothing, so there is no progress to announce for it.
      const changed = checked.filter((save) => accepted.has(answerKey(save.write.attemptId, save.write.questionId)));
      const due = this.progress.take(progressOf(changed, counts), now.getTime());
      await recordEvents(em, Events.attemptsProgressed, progressBySession(due));
      return results.map((result) => ('write' in result ? acknowledge(result, stored, counts) : result));
    });
  }

  /** The per-save rules, in the order and with the messages the single-save path had. */
  private async check(
    em: EntityManager,
    request: SaveAnswerRequest,
    found: SaveContext | undefined,
    now: Date,
  ): Promise<CheckedSave> {
    const context = contextOrRefusal(found, request);
    if (sessionIsFinished(context.sessionStatus)) {
      throw RpcError.conflict(`The session is ${context.sessionStatus}; answers can no longer change.`);
    }
    const { questionCount, byId } = await this.pinned.of(em, context.assessmentVersionId);
    const question = byId.get(request.questionId);
    if (!question) {
      throw RpcError.invalid(
        `Question ${request.questionId} is not part of this assessment; reload the exam to get its questions.`,
        [`questionId: ${request.questionId} is not a question of this assessment`],
      );
    }
    const checked = checkAnswer(question, request.answer);
    if ('problems' in checked)
      throw RpcError.invalid(`This answer does not fit the question: ${checked.problems.join('; ')}`, checked.problems);
    // The grace period lets saves already on their way when time ran out land; the page stops taking answers at the deadline.
    const lastSaveAt = autoSubmitAt(context.clock, context.gracePeriodSeconds);
    if (lastSaveAt && now.getTime() >= lastSaveAt.getTime())
      throw RpcError.conflict('Time is over; this answer was not saved.');
    return {
      request,
      context,
      totalQuestions: questionCount,
      write: {
        attemptId: context.attemptId,
        questionId: question.id,
        value: checked.value,
        clientSeq: request.clientSeq,
        savedAt: now,
      },
    };
  }

  private batchFailed(error: unknown): RpcError {
    this.logger.error(`A batch of saves failed; none of them was stored: ${String(error)}`);
    return new RpcError({
      code: RpcErrorCode.Unavailable,
      message: 'The answer was not saved because storing it failed; it will be sent again.',
    });
  }
}

/** Overload, not a fault: the same answer as a busy connection pool (the page keeps the save and resends it). */
function busy(): RpcError {
  return new RpcError({
    code: RpcErrorCode.Unavailable,
    message: 'The service is busy right now; try again in a moment.',
  });
}

/** Saves per group-commit transaction (`invigil_save_batch_size`): how much the batching saves. */
function saveBatchHistogram(metrics: InvigilMetrics): Histogram {
  const name = 'invigil_save_batch_size';
  const existing = metrics.registry.getSingleMetric(name);
  if (existing instanceof Histogram) return existing;
  return new Histogram({
    name,
    help: 'Saves written per group-commit transaction',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [metrics.registry],
  });
}

function isDeadlock(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'DeadlockException' || (error as { code?: unknown }).code === '40P01')
  );
}

/** One write per (attempt, question): the highest sequence of the batch (one statement touches a row once). */
function highestPerKey(saves: readonly CheckedSave[]): AnswerWrite[] {
  const best = new Map<string, AnswerWrite>();
  for (const { write } of saves) {
    const key = answerKey(write.attemptId, write.questionId);
    const kept = best.get(key);
    if (!kept || write.clientSeq > kept.clientSeq) best.set(key, write);
  }
  return [...best.values()];
}

function progressOf(changed: readonly CheckedSave[], counts: Map<string, number>): AttemptProgress[] {
  const byAttempt = new Map<string, AttemptProgress>();
  for (const { request, context, totalQuestions } of changed) {
    byAttempt.set(context.attemptId, {
      orgId: request.orgId,
      sessionId: request.sessionId,
      attemptId: context.attemptId,
      userId: request.userId,
      answeredCount: counts.get(context.attemptId) ?? 0,
      totalQuestions,
      flaggedCount: context.flaggedCount,
    });
  }
  return [...byAttempt.values()];
}

function acknowledge(
  save: CheckedSave,
  stored: Map<string, { clientSeq: number; savedAt: Date }>,
  counts: Map<string, number>,
): BatchOutcome<SaveAnswerAck> {
  const kept = stored.get(answerKey(save.write.attemptId, save.write.questionId));
  if (!kept) return { ok: false, error: new Error(`No stored answer for ${save.write.questionId} after the upsert`) };
  return {
    ok: true,
    value: {
      questionId: save.write.questionId,
      clientSeq: save.request.clientSeq,
      storedSeq: kept.clientSeq,
      answeredCount: counts.get(save.context.attemptId) ?? 0,
      savedAt: kept.savedAt.toISOString(),
    },
  };
}
