import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CertificatesController } from './certificates.controller';
import { ResultsController } from './results.controller';

/** A candidate's own result and certificate. */
@Module({ imports: [AccessModule], controllers: [ResultsController, CertificatesController] })
export class ResultsModule {}
