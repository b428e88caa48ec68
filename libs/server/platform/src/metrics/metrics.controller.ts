import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '../http/public-route';
import { INVIGIL_METRICS, InvigilMetrics } from './metrics';

/** Prometheus scrape endpoint (outside /api; the NetworkPolicy lets only Prometheus reach it). */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
