import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { IncidentsController } from './incidents.controller';

/** The incident routes (incidents themselves are monitoring's). */
@Module({
  imports: [AccessModule],
  controllers: [IncidentsController],
})
export class IncidentsModule {}
