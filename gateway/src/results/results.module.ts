import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CertificatesController } from './certificates.controller';
import { ResultsController } from './results.controller';
import { StaffCertificatesController } from './staff-certificates.controller';

/** A candidate's own result and certificate; staff's downloads of their organization's certificates. */
@Module({
  imports: [AccessModule],
  controllers: [ResultsController, CertificatesController, StaffCertificatesController],
})
export class ResultsModule {}
