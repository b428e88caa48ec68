import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetMyResultRequest, Requests, ResultView } from '@invigil/contracts';
import { CandidateResultsService } from './candidate-results.service';

@Controller()
export class CandidateResultsController {
  constructor(private readonly results: CandidateResultsService) {}

  @MessagePattern(Requests.getMyResult)
  getMine(@Payload() request: GetMyResultRequest): Promise<ResultView | null> {
    return this.results.getMine(request);
  }
}
