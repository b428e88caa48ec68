import { Module } from '@nestjs/common';
import { AttemptActivityHandlers } from './attempt-activity.handlers';
import { AttemptRecoveryHandlers } from './attempt-recovery.handlers';
import { DashboardHandlers } from './dashboard.handlers';
import { LiveController } from './live.controller';
import { LiveHandlers } from './live.handlers';
import { LiveService } from './live.service';

/**
 * The live view of a session: a row per participant and the activity feed, kept from events.
 * Signals and snapshots build on its rows through plain functions (`live-store`,
 * `reporting-participant`), so it offers no providers.
 */
@Module({
  controllers: [LiveController],
  providers: [LiveService, LiveHandlers, AttemptActivityHandlers, AttemptRecoveryHandlers, DashboardHandlers],
  exports: [],
})
export class LiveModule {}
