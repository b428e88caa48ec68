import { Module } from '@nestjs/common';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';

/**
 * Incidents filed by staff on a candidate or a session. Builds on the live view's rows (who is in
 * the session, their progress), monitoring's alerts and snapshots, and appends to the record.
 */
@Module({
  controllers: [IncidentsController],
  providers: [IncidentsService],
})
export class IncidentsModule {}
