import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { ReviewItemView, ReviewQueueView, ReviewSettingsView } from '@invigil/contracts';
import {
  GetReviewItemRequest,
  ListReviewQueueRequest,
  MarkReviewItemRequest,
  Requests,
  RevealIdentitiesRequest,
  UpdateReviewSettingsRequest,
} from '@invigil/contracts';
import { ReviewService } from './review.service';

@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @MessagePattern(Requests.listReviewQueue)
  queue(@Payload() request: ListReviewQueueRequest): Promise<ReviewQueueView> {
    return this.review.queue(request);
  }

  @MessagePattern(Requests.getReviewItem)
  get(@Payload() request: GetReviewItemRequest): Promise<ReviewItemView> {
    return this.review.get(request);
  }

  @MessagePattern(Requests.markReviewItem)
  mark(@Payload() request: MarkReviewItemRequest): Promise<ReviewItemView> {
    return this.review.mark(request);
  }

  @MessagePattern(Requests.revealReviewIdentities)
  reveal(@Payload() request: RevealIdentitiesRequest): Promise<ReviewSettingsView> {
    return this.review.reveal(request);
  }

  @MessagePattern(Requests.updateReviewSettings)
  updateSettings(@Payload() request: UpdateReviewSettingsRequest): Promise<ReviewSettingsView> {
    return this.review.updateSettings(request);
  }
}
