import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { PinnedQuestionsCache } from './pinned-questions';

/**
 * Assessments and their immutable versions: authoring, import and export, and the scoring key.
 * Offers the pinned questions of a version, cached, to the attempt runtime.
 */
@Module({
  controllers: [AssessmentsController],
  providers: [AssessmentsService, PinnedQuestionsCache],
  exports: [PinnedQuestionsCache],
})
export class AssessmentsModule {}
