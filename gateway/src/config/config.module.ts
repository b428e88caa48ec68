import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayEnv } from './env';

/** The validated environment, injectable everywhere: every feature module reads its limits from it. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GatewayEnv, useValue: env }],
      exports: [GatewayEnv],
    };
  }
}
