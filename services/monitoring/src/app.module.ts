import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { MonitoringEnv } from './config/env';
import { monitoringEntities } from './entities';
import { AttemptActivityHandlers } from './live/attempt-activity.handlers';
import { LiveController } from './live/live.controller';
import { LiveHandlers } from './live/live.handlers';
import { LiveService } from './live/live.service';
import { monitoringMigrations } from './migrations';
import { SignalsController } from './signals/signals.controller';
import { SignalsService } from './signals/signals.service';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsService } from './snapshots/snapshots.service';

@Module({})
export class MonitoringModule {
  static forRoot(env: MonitoringEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'monitoring',
          env,
          entities: monitoringEntities,
          migrations: monitoringMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
      ],
      controllers: [LiveController, SignalsController, SnapshotsController],
      providers: [LiveService, LiveHandlers, AttemptActivityHandlers, SignalsService, SnapshotsService],
    };
  }
}
