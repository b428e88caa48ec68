import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AttemptSubmittedEvent, Events, ScoringKeyView } from '@invigil/contracts';
import { scoreAnswers } from '@invigil/domain';
import { AfterCommit, EventConsumer, recordEvent } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { awardCertificate } from '../certificates/certificate-award';
import { CertificateQueue } from '../certificates/certificate-queue';
import { Result } from './result.entity';
import { ScoringKeys } from './scoring-keys';

/** Scores every submitted attempt once, and awards a certificate to a passing one. */
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
  }

  private async score(event: AttemptSubmittedEvent, em: EntityManager, key: ScoringKeyView | null): Promise<void> {
    // The consumer already skips a redelivered event id; this skips a second submission event for the same attempt.
    if ((await em.count(Result, { attemptId: event.attemptId })) > 0) return;
    if (!key) {
      // The key will never come, so retrying would not help: the event is dropped.
      this.logger.error(`Attempt ${event.attemptId} cannot be scored: no scoring key for its assessment version`);
      return;
    }
    const result = recordResult(em, event, key);
    if (!result.passed) return;
    const certificate = awardCertificate(em, result);
    // Enqueued only once the rows exist for the worker to read; a crash in between is caught by the start-up sweep.
    this.afterCommit.run(em, () => this.certificates.enqueue(certificate.id));
  }
}

/**
 * Essays are not auto-scored: their points are recorded as pending review and the result is not
 * passed (so no certificate) until a reviewer marks them. Auto-only assessments pass as before.
 */
function recordResult(em: EntityManager, event: AttemptSubmittedEvent, key: ScoringKeyView): Result {
  const result = em.create(Result, {
    id: randomUUID(),
    orgId: event.orgId,
    sessionId: event.sessionId,
    attemptId: event.attemptId,
    userId: event.userId,
    assessmentVersionId: event.assessmentVersionId,
    assessmentTitle: key.title,
    ...scoreAnswers(key.questions, event.answers, key.passingPercent),
    scoredAt: new Date(),
  });
  recordEvent(em, Events.resultRecorded, {
    orgId: result.orgId,
    sessionId: result.sessionId,
    resultId: result.id,
    userId: result.userId,
    percent: result.percent,
    passed: result.passed,
  });
  return result;
}
