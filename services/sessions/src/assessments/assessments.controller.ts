import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  CreateAssessmentRequest,
  GetAssessmentRequest,
  GetScoringKeyRequest,
  ImportAssessmentRequest,
  UpdateAssessmentRequest,
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

  @MessagePattern(Requests.updateAssessment)
  update(@Payload() request: UpdateAssessmentRequest): Promise<AssessmentView> {
    return this.assessments.update(request);
  }

  @MessagePattern(Requests.getAssessment)
  get(@Payload() request: GetAssessmentRequest): Promise<AssessmentDetailView> {
    return this.assessments.get(request);
  }

  @MessagePattern(Requests.exportAssessment)
  export(@Payload() request: GetAssessmentRequest): Promise<AssessmentDocument> {
    return this.assessments.export(request);
  }

  @MessagePattern(Requests.importAssessment)
  import(@Payload() request: ImportAssessmentRequest): Promise<AssessmentView> {
    return this.assessments.import(request);
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
