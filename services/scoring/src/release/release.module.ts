import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { ReleaseMailQueue } from './release-mail-job';
import { ReleaseMailWorker } from './release-mail.worker';
import { ReleaseMailing } from './release-mailing';
import { CandidateResultsController } from './candidate-results.controller';
import { CandidateResultsService } from './candidate-results.service';
import { ReleaseController } from './release.controller';
import { ReleaseService } from './release.service';
import { ResultsTable } from './results-table';

/**
 * Release of results: each session's policy and what candidates see, the proctor's Release (mailed from
 * a job), the candidate's own result as far as the release shows it, and the results table staff read. Reads results and review items; writes only its settings.
 */
@Module({
  controllers: [ReleaseController, CandidateResultsController],
  providers: [
    CandidateResultsService,
    ReleaseService,
    ResultsTable,
    ReleaseMailQueue,
    ReleaseMailWorker,
    ReleaseMailing,
    Mailer,
  ],
  exports: [ReleaseMailQueue],
})
export class ReleaseModule {}
