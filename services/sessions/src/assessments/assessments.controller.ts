import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssessmentView,
  CreateAssessmentRequest,
  GetScoringKeyRequest,
  ListAssessmentsRequest,
  Requests,
  ScoringKeyView,
} from '@invigil/contracts';
import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @MessagePattern(Requests.createAssessment)
  create(@Payload() request: CreateAssessmentRequest): Promise<AssessmentView> {
    return this.assessments.create(request);
  }

  @MessagePattern(Requests.listAssessments)
  list(@Payload() request: ListAssessmentsRequest): Promise<AssessmentView[]> {
    return this.assessments.list(request);
  }

  @MessagePattern(Requests.getScoringKey)
  scoringKey(@Payload() request: GetScoringKeyRequest): Promise<ScoringKeyView> {
    return this.assessments.scoringKey(request);
  }
}
