import { Module } from '@nestjs/common';
import { AttemptRecordHandlers } from './attempt-record.handlers';
import { MessageRecordHandlers } from './message-record.handlers';
import { RecordController } from './record.controller';
import { RecordService } from './record.service';
import { RecordWriter } from './record-writer';
import { SessionRecordHandlers } from './session-record.handlers';

/**
 * The session record: an append-only, hash-chained log of what happened in each session, written
 * from the events monitoring receives. It reads no other feature, and offers `RecordWriter` so a
 * later feature (incidents) can put its own entries in the same chain.
 */
@Module({
  controllers: [RecordController],
  providers: [RecordWriter, RecordService, SessionRecordHandlers, AttemptRecordHandlers, MessageRecordHandlers],
  exports: [RecordWriter],
})
export class RecordModule {}
