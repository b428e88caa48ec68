import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AttemptReopenedEvent, AttemptSubmittedEvent, Events, ScoringKeyView } from '@invigil/contracts';
import { reopeningWithdrawsScore, submissionReplacesScore } from '@invigil/domain';
import { AfterCommit, EventConsumer } from '@invigil/server-platform';
import { awardCertificate } from '../certificates/certificate-award';
import { CertificateQueue } from '../certificates/certificate-queue';
import type { Certificate } from '../certificates/certificate.entity';
import { settleCertificateAfterRescore } from '../certificates/certificate-rescoring';
import { Result } from './result.entity';
import { recordResult, rescoreResult } from './result-scoring';
import { ScoringKeys } from './scoring-keys';

/**
 * Scores every submitted attempt once, and awards a certificate to a passing one. A reopened attempt's
 * later submission is scored again into the same result, and its certificate follows the new score.
 */
@Injectable()
export class AttemptScoringHandlers implements OnModuleInit {
  private readonly logger = new Logger(AttemptScoringHandlers.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly keys: ScoringKeys,
    private readonly afterCommit: AfterCommit,
    private readonly certificates: CertificateQueue,
  ) {}

  onModuleInit(): void {
    // The key is fetched before the consumer opens its transaction (from the cache after the first
    // submission of a version), so no database transaction waits on a NATS request to sessions.
    this.consumer.on(Events.attemptSubmitted, (event, em, _envelope, key) => this.score(event, em, key), {
      prepare: (event: AttemptSubmittedEvent) => this.keys.of(event.orgId, event.assessmentVersionId),
    });
    this.consumer.on(Events.attemptReopened, (event, em) => this.withdraw(event, em));
  }

  private async score(event: AttemptSubmittedEvent, em: EntityManager, key: ScoringKeyView | null): Promise<void> {
    // The consumer already skips a redelivered event id; this skips a second event for the same submission.
    const held = await em.findOne(Result, { attemptId: event.attemptId });
    if (held && !submissionReplacesScore(held, new Date(event.submittedAt))) return;
    if (!key) {
      // The key will never come, so retrying would not help: the event is dropped.
      this.logger.error(`Attempt ${event.attemptId} cannot be scored: no scoring key for its assessment version`);
      return;
    }
    const certificate = held
      ? await settleCertificateAfterRescore(em, await rescoreResult(em, held, event, key))
      : this.awardIfPassed(em, recordResult(em, event, key));
    // Enqueued only once the rows exist for the worker to read; a crash in between is caught by the start-up sweep.
    if (certificate) this.afterCommit.run(em, () => this.certificates.enqueue(certificate));
  }

  private awardIfPassed(em: EntityManager, result: Result): Certificate | null {
    return result.passed ? awardCertificate(em, result) : null;
  }

  /** The reopened attempt's score no longer stands: the candidate sees no result until they submit again. */
  private async withdraw(event: AttemptReopenedEvent, em: EntityManager): Promise<void> {
    const held = await em.findOne(Result, { attemptId: event.attemptId });
    if (held && reopeningWithdrawsScore(held, new Date(event.at))) held.reopenedAt = new Date(event.at);
  }
}
