import { Module } from '@nestjs/common';
import { CertificateQueue } from './certificate-queue';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

/**
 * Certificates: the record of each one, the queue its PDF is rendered from, and the file served to
 * its holder. Offers the queue to the features that award certificates; `awardCertificate` and
 * `certificateSummaryOf` (certificate-award.ts) are what they write and read in their own transactions.
 */
@Module({
  controllers: [CertificatesController],
  providers: [CertificatesService, CertificateQueue],
  exports: [CertificateQueue],
})
export class CertificatesModule {}
