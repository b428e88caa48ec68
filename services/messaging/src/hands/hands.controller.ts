import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { HandView, ListHandsRequest, Requests, SetHandRequest, ViewerScopedRequest } from '@invigil/contracts';
import { HandsService } from './hands.service';

@Controller()
export class HandsController {
  constructor(private readonly hands: HandsService) {}

  @MessagePattern(Requests.setHand)
  set(@Payload() request: SetHandRequest): Promise<HandView> {
    return this.hands.set(request);
  }

  @MessagePattern(Requests.listHands)
  list(@Payload() request: ViewerScopedRequest): Promise<HandView[]> {
    return this.hands.list(request as ListHandsRequest);
  }
}
