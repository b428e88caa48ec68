import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetLiveSessionRequest, LiveSessionView, Requests } from '@invigil/contracts';
import { LiveService } from './live.service';

@Controller()
export class LiveController {
  constructor(private readonly live: LiveService) {}

  @MessagePattern(Requests.getLiveSession)
  get(@Payload() request: GetLiveSessionRequest): Promise<LiveSessionView> {
    return this.live.live(request);
  }
}
