import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { MonitoringEnv } from './config/env';
import { monitoringEntities } from './entities';
import { IncidentsModule } from './incidents/incidents.module';
import { LiveModule } from './live/live.module';
import { monitoringMigrations } from './migrations';
import { RecordModule } from './record/record.module';
import { SignalsModule } from './signals/signals.module';
import { SnapshotsModule } from './snapshots/snapshots.module';

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
        LiveModule,
        SignalsModule,
        SnapshotsModule,
        RecordModule,
        IncidentsModule,
      ],
    };
  }
}
