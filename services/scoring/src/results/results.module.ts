import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { AttemptScoringHandlers } from './attempt-scoring.handlers';
import { ScoringKeys } from './scoring-keys';

/** Scoring each submitted attempt once (with the cached scoring key of its version); the candidate's view is release's. */
@Module({
  imports: [CertificatesModule],
  providers: [AttemptScoringHandlers, ScoringKeys],
})
export class ResultsModule {}
