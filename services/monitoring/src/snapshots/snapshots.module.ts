import { Module } from '@nestjs/common';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsService } from './snapshots.service';

/** Screen snapshots the exam page sends while the candidate shares the screen. */
@Module({
  controllers: [SnapshotsController],
  providers: [SnapshotsService],
  exports: [],
})
export class SnapshotsModule {}
