import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { AttemptScoringHandlers } from './attempt-scoring.handlers';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { ScoringKeys } from './scoring-keys';

/** Scoring each submitted attempt once (with the cached scoring key of its version), and the candidate's result. */
@Module({
  imports: [CertificatesModule],
  controllers: [ResultsController],
  providers: [ResultsService, AttemptScoringHandlers, ScoringKeys],
})
export class ResultsModule {}
