import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  CertificateVerificationView,
  CredentialFile,
  GetCredentialRequest,
  GetIssuerDocumentRequest,
  JsonLdDocument,
} from '@invigil/contracts';
import { CertificateStatus } from '@invigil/contracts';
import { RpcError } from '@invigil/server-platform';
import { Certificate } from '../certificates/certificate.entity';
import { revocationOf } from './credential-status';
import { IssuedCredential } from './issued-credential.entity';
import { IssuerKey } from './issuer-key.entity';
import { IssuerKeys } from './issuer-keys';
import { IssuerUrls } from './issuer-urls';
import { issuerProfile } from './open-badge';
import { verificationViewOf } from './verification-view';

@Injectable()
export class CredentialsService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: IssuerKeys,
    private readonly urls: IssuerUrls,
  ) {}

  async verifyCode(code: string): Promise<CertificateVerificationView> {
    const em = this.em.fork();
    const credential = await em.findOne(IssuedCredential, { verificationCode: code });
    if (!credential) {
      throw RpcError.notFound(
        `No certificate has the verification code ${code}. Check the code printed under the QR code on the certificate.`,
      );
    }
    const certificate = await em.findOne(Certificate, { id: credential.certificateId });
    return verificationViewOf(credential, revocationOf(credential, certificate));
  }

  /** The holder's (or, without `userId`, staff's) latest credential of a certificate, as a file. */
  async credentialFile(request: GetCredentialRequest): Promise<CredentialFile> {
    const em = this.em.fork();
    const certificate = await em.findOne(Certificate, {
      id: request.certificateId,
      orgId: request.orgId,
      ...(request.userId ? { userId: request.userId } : {}),
    });
    if (!certificate) {
      throw RpcError.notFound('There is no certificate with this id. Open the result to find its certificate.');
    }
    const credential = await em.findOne(
      IssuedCredential,
      { certificateId: certificate.id },
      { orderBy: { statusSequence: 'desc' }, populate: ['document'] },
    );
    if (!credential) {
      if (certificate.status === CertificateStatus.Failed)
        throw RpcError.conflict('The certificate could not be created. Please contact your proctor.');
      throw RpcError.conflict('The credential is still being prepared; try again in a few seconds.');
    }
    return { fileName: certificate.fileName.replace(/\.pdf$/i, '') + '.json', credential: credential.document };
  }

  async issuerDocument(request: GetIssuerDocumentRequest): Promise<JsonLdDocument> {
    const issuer = await this.em.fork().findOne(IssuerKey, { orgId: request.orgId });
    const unknown = 'This organization has issued no credentials, so it has no issuer profile or key yet.';
    if (!issuer) throw RpcError.notFound(unknown);
    if (request.document === 'profile') return issuerProfile(request.orgId, issuer.organizationName, this.urls);
    const key = await this.keys.publicKey(request.orgId);
    if (!key) throw RpcError.notFound(unknown);
    return { ...key };
  }
}
