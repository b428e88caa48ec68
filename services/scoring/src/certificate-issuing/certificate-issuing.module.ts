import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateWorker } from './certificate.worker';

/**
 * The certificate job: signs the Open Badges credential and renders the PDF of a pending certificate from its result and the candidate's
 * name, stores it and announces it. It reads both results and certificates, so it sits above both.
 */
@Module({
  imports: [CredentialsModule],
  providers: [CertificateIssuer, CertificateWorker],
})
export class CertificateIssuingModule {}
