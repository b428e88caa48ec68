import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@invigil/contracts';
import { randomUUID } from 'node:crypto';
import { certificateFileName } from './certificate-file-name';
import { Certificate } from './certificate.entity';

/** What a passing result tells the certificate it earns. */
export interface PassingResult {
  id: string;
  orgId: string;
  userId: string;
  sessionId: string;
  assessmentTitle: string;
  scoredAt: Date;
}

/**
 * The pending certificate of a passing result, in the caller's transaction. Its PDF is rendered by
 * a job, to be enqueued only once this row is committed for the worker to read.
 */
export function awardCertificate(em: EntityManager, result: PassingResult): Certificate {
  return em.create(Certificate, {
    id: randomUUID(),
    orgId: result.orgId,
    resultId: result.id,
    userId: result.userId,
    sessionId: result.sessionId,
    status: CertificateStatus.Pending,
    fileName: certificateFileName(result.assessmentTitle),
    issuedAt: result.scoredAt,
  });
}

/** The certificate a result earned, as the candidate's result view shows it: id, status and current code. */
export async function certificateSummaryOf(
  em: EntityManager,
  resultId: string,
): Promise<{ id: string; status: CertificateStatus; verificationCode: string | null } | null> {
  const certificate = await em.findOne(Certificate, { resultId }, { fields: ['id', 'status'] });
  if (!certificate) return null;
  // Read by SQL: the credential belongs to a feature above this one.
  const [latest] = await em
    .getConnection()
    .execute<{ verification_code: string }[]>(
      `select "verification_code" from "credential" where "certificate_id" = ? order by "status_sequence" desc limit 1`,
      [certificate.id],
    );
  return { id: certificate.id, status: certificate.status, verificationCode: latest?.verification_code ?? null };
}
