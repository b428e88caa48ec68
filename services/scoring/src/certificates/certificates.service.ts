import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CertificateFile, CertificateStatus, GetCertificateRequest } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { Certificate } from './certificate.entity';

@Injectable()
export class CertificatesService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The holder gets their own file and staff (no `userId`; the gateway checks the role) any of their
   * organization's; anyone else is told it does not exist, not that it is someone else's.
   */
  async get(request: GetCertificateRequest): Promise<CertificateFile> {
    const certificate = await this.em.fork().findOne(
      Certificate,
      {
        id: request.certificateId,
        orgId: request.orgId,
        ...(request.userId ? { userId: request.userId } : {}),
      },
      { populate: ['pdf'] },
    );
    if (!certificate)
      throw RpcError.notFound('You have no certificate with this id. Open your result to find your certificate.');
    if (certificate.status === CertificateStatus.Revoked) {
      throw RpcError.conflict(certificate.revokedReason ?? 'This certificate was revoked.');
    }
    if (certificate.status === CertificateStatus.Pending || !certificate.pdf) {
      throw RpcError.conflict('The certificate is still being prepared; try again in a few seconds.');
    }
    if (certificate.status === CertificateStatus.Failed) {
      throw RpcError.conflict('The certificate could not be created. Please contact your proctor.');
    }
    return {
      fileName: certificate.fileName,
      contentType: 'application/pdf',
      base64: certificate.pdf.toString('base64'),
    };
  }
}
