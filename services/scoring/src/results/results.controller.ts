import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetMyResultRequest, Requests, ResultView } from '@invigil/contracts';
import { ResultsService } from './results.service';

@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @MessagePattern(Requests.getMyResult)
  getMine(@Payload() request: GetMyResultRequest): Promise<ResultView | null> {
    return this.results.getMine(request);
  }
}
