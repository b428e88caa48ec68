import { Module } from '@nestjs/common';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateWorker } from './certificate.worker';

/**
 * The certificate job: renders the PDF of a pending certificate from its result and the candidate's
 * name, stores it and announces it. It reads both results and certificates, so it sits above both.
 */
@Module({
  providers: [CertificateIssuer, CertificateWorker],
})
export class CertificateIssuingModule {}
