import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommitImportRequest, ImportPreview, ImportResult, ImportRosterRequest, Requests } from '@invigil/contracts';
import { ImportService } from './import.service';

@Controller()
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @MessagePattern(Requests.previewImport)
  preview(@Payload() request: ImportRosterRequest): Promise<ImportPreview> {
    return this.imports.preview(request);
  }

  @MessagePattern(Requests.commitImport)
  commit(@Payload() request: CommitImportRequest): Promise<ImportResult> {
    return this.imports.commit(request);
  }
}
