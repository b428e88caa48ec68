import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListSignalsRequest, RecordSignalRequest, Requests, SignalView } from '@invigil/contracts';
import { SignalsService } from './signals.service';

@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @MessagePattern(Requests.recordSignal)
  record(@Payload() request: RecordSignalRequest): Promise<SignalView> {
    return this.signals.record(request);
  }

  @MessagePattern(Requests.listSignals)
  list(@Payload() request: ListSignalsRequest): Promise<SignalView[]> {
    return this.signals.list(request);
  }
}
