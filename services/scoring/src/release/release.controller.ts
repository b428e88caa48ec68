import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { ReleaseOutcome, ReleaseView, SessionResultsView } from '@invigil/contracts';
import {
  GetReleaseRequest,
  ListSessionResultsRequest,
  ReleaseResultsRequest,
  Requests,
  UpdateReleaseSettingsRequest,
} from '@invigil/contracts';
import { ReleaseService } from './release.service';
import { ResultsTable } from './results-table';

@Controller()
export class ReleaseController {
  constructor(
    private readonly release: ReleaseService,
    private readonly table: ResultsTable,
  ) {}

  @MessagePattern(Requests.getRelease)
  get(@Payload() request: GetReleaseRequest): Promise<ReleaseView> {
    return this.release.get(request);
  }

  @MessagePattern(Requests.updateReleaseSettings)
  updateSettings(@Payload() request: UpdateReleaseSettingsRequest): Promise<ReleaseView> {
    return this.release.updateSettings(request);
  }

  @MessagePattern(Requests.releaseResults)
  releaseResults(@Payload() request: ReleaseResultsRequest): Promise<ReleaseOutcome> {
    return this.release.release(request);
  }

  @MessagePattern(Requests.listSessionResults)
  list(@Payload() request: ListSessionResultsRequest): Promise<SessionResultsView> {
    return this.table.list(request);
  }
}
