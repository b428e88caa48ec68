import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ReviewController } from './review.controller';

/** The review queue, marking, and revealing identities (scoring's). */
@Module({ imports: [AccessModule], controllers: [ReviewController] })
export class ReviewModule {}
