import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '@invigil/contracts';
import { STATUS_LIST_LENGTH } from '@invigil/domain';
import type { Certificate } from '../certificates/certificate.entity';
import type { IssuedCredential } from './issued-credential.entity';

export interface Revocation {
  at: Date;
  reason: string;
}

/**
 * A credential is revoked when a newer one superseded it (its own mark), or when its certificate
 * was revoked (a changed result that no longer passes): the certificate's mark covers every
 * credential it ever had, so revoking a certificate needs no second write here.
 */
export function revocationOf(
  credential: Pick<IssuedCredential, 'revokedAt' | 'revokedReason'>,
  certificate: Pick<Certificate, 'status' | 'revokedAt' | 'revokedReason'> | null,
): Revocation | null {
  if (credential.revokedAt) return { at: credential.revokedAt, reason: credential.revokedReason ?? 'Revoked.' };
  if (certificate?.status === CertificateStatus.Revoked) {
    return { at: certificate.revokedAt ?? new Date(0), reason: certificate.revokedReason ?? 'Revoked.' };
  }
  return null;
}

/** The indexes (within the page) of the organization's revoked credentials on one status list page. */
export async function revokedIndexes(em: EntityManager, orgId: string, page: number): Promise<number[]> {
  const first = page * STATUS_LIST_LENGTH;
  const rows = await em.getConnection().execute<{ status_sequence: number }[]>(
    `select c."status_sequence" from "credential" c join "certificate" t on t."id" = c."certificate_id"
     where c."org_id" = ? and c."status_sequence" >= ? and c."status_sequence" < ?
       and (c."revoked_at" is not null or t."status" = ?)`,
    [orgId, first, first + STATUS_LIST_LENGTH, CertificateStatus.Revoked],
  );
  return rows.map((row) => Number(row.status_sequence) - first);
}
