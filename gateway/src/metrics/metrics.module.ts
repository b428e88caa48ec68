import { Module } from '@nestjs/common';
import { MetricsServer } from './metrics-server';

/** The internal scrape port; the platform's metrics registry fills it. */
@Module({ providers: [MetricsServer], exports: [MetricsServer] })
export class GatewayMetricsModule {}
