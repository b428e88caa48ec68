import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ExportRecordRequest,
  ListRecordRequest,
  RecordExportFile,
  RecordPage,
  RecordVerification,
  Requests,
  VerifyRecordRequest,
} from '@invigil/contracts';
import { RecordService } from './record.service';

@Controller()
export class RecordController {
  constructor(private readonly record: RecordService) {}

  @MessagePattern(Requests.listRecord)
  list(@Payload() request: ListRecordRequest): Promise<RecordPage> {
    return this.record.list(request);
  }

  @MessagePattern(Requests.verifyRecord)
  verify(@Payload() request: VerifyRecordRequest): Promise<RecordVerification> {
    return this.record.verify(request);
  }

  @MessagePattern(Requests.exportRecord)
  export(@Payload() request: ExportRecordRequest): Promise<RecordExportFile> {
    return this.record.export(request);
  }
}
