import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  AttemptSubmittedEvent,
  CertificateStatus,
  Events,
  Requests,
  RpcErrorCode,
  ScoringKeyView,
} from '@invigil/contracts';
import { scoreAnswers } from '@invigil/domain';
import { EventConsumer, recordEvent, RemoteCallError, RpcClient } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { CertificateQueue } from '../certificates/certificate-queue';
import { Certificate } from '../certificates/certificate.entity';
import { AfterCommit } from '../orm/after-commit';
import { certificateFileName } from '../certificates/certificate-file-name';
import { Result } from './result.entity';

/** Scores every submitted attempt once, and awards a certificate to a passing one. */
@Injectable()
export class AttemptScoringHandlers implements OnModuleInit {
  private readonly logger = new Logger(AttemptScoringHandlers.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly rpc: RpcClient,
    private readonly afterCommit: AfterCommit,
    private readonly certificates: CertificateQueue,
  ) {}

  onModuleInit(): void {
    this.consumer.on(Events.attemptSubmitted, (event, em) => this.score(event, em));
  }

  private async score(event: AttemptSubmittedEvent, em: EntityManager): Promise<void> {
    // The consumer already skips a redelivered event id; this skips a second submission event for the same attempt.
    if ((await em.count(Result, { attemptId: event.attemptId })) > 0) return;
    const key = await this.scoringKey(event);
    if (!key) return;
    // Essays are not auto-scored: their points are recorded as pending review and the result is not
    // passed (so no certificate) until a reviewer marks them. Auto-only assessments pass as before.
    const outcome = scoreAnswers(key.questions, event.answers, key.passingPercent);
    const result = em.create(Result, {
      id: randomUUID(),
      orgId: event.orgId,
      sessionId: event.sessionId,
      attemptId: event.attemptId,
      userId: event.userId,
      assessmentVersionId: event.assessmentVersionId,
      assessmentTitle: key.title,
      ...outcome,
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
    if (!result.passed) return;
    const certificate = em.create(Certificate, {
      id: randomUUID(),
      orgId: result.orgId,
      resultId: result.id,
      userId: result.userId,
      sessionId: result.sessionId,
      status: CertificateStatus.Pending,
      fileName: certificateFileName(key.title),
      issuedAt: result.scoredAt,
    });
    // Enqueued only once the rows exist for the worker to read; a crash in between is caught by the start-up sweep.
    this.afterCommit.run(em, () => this.certificates.enqueue(certificate.id));
  }

  /** Null when the key will never come (the version is unknown): retrying would not help, so the event is dropped. */
  private async scoringKey(event: AttemptSubmittedEvent): Promise<ScoringKeyView | null> {
    try {
      return await this.rpc.request(Requests.getScoringKey, {
        orgId: event.orgId,
        assessmentVersionId: event.assessmentVersionId,
      });
    } catch (error) {
      if (
        error instanceof RemoteCallError &&
        (error.body.code === RpcErrorCode.NotFound || error.body.code === RpcErrorCode.ValidationFailed)
      ) {
        this.logger.error(`Attempt ${event.attemptId} cannot be scored: ${error.message}`);
        return null;
      }
      throw error;
    }
  }
}
