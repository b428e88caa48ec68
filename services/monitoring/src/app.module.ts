import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { MonitoringEnv } from './config/env';
import { monitoringEntities } from './entities';
import { LiveController } from './live/live.controller';
import { LiveHandlers } from './live/live.handlers';
import { LiveService } from './live/live.service';
import { monitoringMigrations } from './migrations';

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
      controllers: [LiveController],
      providers: [LiveService, LiveHandlers],
    };
  }
}
