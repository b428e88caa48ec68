import { Module } from '@nestjs/common';
import { RosterModule } from '../roster/roster.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Bulk roster import from an uploaded CSV/XLSX: preview, then commit through the roster's adding path. */
@Module({
  imports: [RosterModule],
  controllers: [ImportController],
  providers: [ImportService],
  exports: [],
})
export class ImportModule {}
