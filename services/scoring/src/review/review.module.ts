import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { ReleaseModule } from '../release/release.module';
import { ReviewIdentities } from './review-identities';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/**
 * Manual review: the queue of answers a person marks, marking them, and deciding a result once its
 * last review is in (with the certificate a pass earns). Reads the review items results records.
 */
@Module({
  imports: [CertificatesModule, ReleaseModule],
  controllers: [ReviewController],
  providers: [ReviewService, ReviewIdentities],
})
export class ReviewModule {}
