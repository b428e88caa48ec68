import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { CertificateStatus, Events, Requests, RpcErrorCode } from '@invigil/contracts';
import { Outbox, RemoteCallError, RpcClient } from '@invigil/server-platform';
import { UnrecoverableError } from 'bullmq';
import { Result } from '../results/result.entity';
import { renderCertificatePdf } from './certificate-pdf';
import { Certificate } from '../certificates/certificate.entity';
import { CredentialSigner } from '../credentials/credential-signer';
import { IssuedCredential } from '../credentials/issued-credential.entity';
import { IssuerUrls } from '../credentials/issuer-urls';

const SUPERSEDED = 'The result changed after this credential was issued; a new certificate replaces it.';

/** The work of one certificate job: sign its credential, render the PDF, store both, tell everyone it is ready. */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly rpc: RpcClient,
    private readonly signer: CredentialSigner,
    private readonly urls: IssuerUrls,
  ) {}

  /** Safe to run twice: a certificate that is no longer pending is left alone. */
  async issue(certificateId: string): Promise<void> {
    // Jobs run outside any request context, so they work in a fork of their own.
    const em = this.em.fork();
    const certificate = await em.findOne(Certificate, { id: certificateId });
    if (!certificate || certificate.status !== CertificateStatus.Pending) return;
    const result = await em.findOneOrFail(Result, { id: certificate.resultId });
    const candidate = await this.candidate(certificate);
    const credential = await this.signer.sign({
      certificateId: certificate.id,
      orgId: certificate.orgId,
      organizationName: candidate.orgName,
      sessionId: certificate.sessionId,
      holderName: candidate.displayName,
      assessmentTitle: result.assessmentTitle,
      percent: result.percent,
      passed: result.passed,
      issuedAt: certificate.issuedAt,
    });
    const pdf = await renderCertificatePdf({
      certificateId: certificate.id,
      organizationName: candidate.orgName,
      candidateName: candidate.displayName,
      assessmentTitle: result.assessmentTitle,
      percent: result.percent,
      issuedAt: certificate.issuedAt,
      verificationCode: credential.verificationCode,
      verificationUrl: this.urls.verifyPage(credential.verificationCode),
    });
    await this.outbox.transaction(async (tx, emit) => {
      // Locked so that two workers finishing the same certificate store and announce it once.
      const row = await tx.findOne(Certificate, { id: certificateId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row || row.status !== CertificateStatus.Pending) return;
      row.pdf = pdf;
      row.status = CertificateStatus.Ready;
      // The credentials of earlier renderings (a score since changed) no longer say what is true.
      await tx.nativeUpdate(
        IssuedCredential,
        { certificateId: row.id, revokedAt: null },
        { revokedAt: new Date(), revokedReason: SUPERSEDED },
      );
      tx.create(IssuedCredential, credential);
      emit(Events.certificateIssued, {
        orgId: row.orgId,
        sessionId: row.sessionId,
        certificateId: row.id,
        userId: row.userId,
      });
    });
  }

  /** The last attempt failed: say so, instead of leaving the candidate waiting on "pending" forever. */
  async markFailed(certificateId: string, reason: unknown): Promise<void> {
    this.logger.error(`Certificate ${certificateId} could not be issued: ${String(reason)}`);
    await this.em
      .fork()
      .nativeUpdate(
        Certificate,
        { id: certificateId, status: CertificateStatus.Pending },
        { status: CertificateStatus.Failed },
      );
  }

  private async candidate(certificate: Certificate): Promise<{ displayName: string; orgName: string }> {
    try {
      return await this.rpc.request(Requests.getUser, { orgId: certificate.orgId, userId: certificate.userId });
    } catch (error) {
      // An account that does not exist will not appear on a retry; an unavailable service may.
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound)
        throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
