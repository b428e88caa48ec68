import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordController } from './record.controller';

/** The session record's routes (the record itself is monitoring's). */
@Module({
  imports: [AccessModule],
  controllers: [RecordController],
})
export class RecordModule {}
