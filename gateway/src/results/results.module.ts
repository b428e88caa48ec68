import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CertificatesController } from './certificates.controller';
import { ReleaseController } from './release.controller';
import { ResultsController } from './results.controller';
import { StaffCertificatesController } from './staff-certificates.controller';

/**
 * A candidate's own result and certificate; staff's downloads of their organization's certificates; the
 * release of a session's results and its results table (staff).
 */
@Module({
  imports: [AccessModule],
  controllers: [ResultsController, CertificatesController, StaffCertificatesController, ReleaseController],
})
export class ResultsModule {}
