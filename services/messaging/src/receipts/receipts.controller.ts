import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReceiptsRecordedView, RecordReceiptsRequest, Requests } from '@invigil/contracts';
import { ReceiptsService } from './receipts.service';

@Controller()
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @MessagePattern(Requests.recordReceipts)
  record(@Payload() request: RecordReceiptsRequest): Promise<ReceiptsRecordedView> {
    return this.receipts.record(request);
  }
}
