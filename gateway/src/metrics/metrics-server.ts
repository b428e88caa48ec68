import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { INVIGIL_METRICS, InvigilMetrics } from '@invigil/server-platform';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayEnv } from '../config/env';

/**
 * Prometheus' scrape endpoint on its own port (METRICS_PORT), never on the public HTTP port: the
 * figures name every route and subject, which is no business of the internet. Plain node:http, so
 * none of the API's guards, limits or middleware apply to the scraper.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private readonly server: Server = createServer((request, response) => void this.answer(request, response));

  constructor(
    private readonly env: GatewayEnv,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  /** The port it listens on (METRICS_PORT, or the one the OS picked for 0). */
  get port(): number {
    return (this.server.address() as AddressInfo | null)?.port ?? this.env.METRICS_PORT;
  }

  onApplicationBootstrap(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.env.METRICS_PORT, '0.0.0.0', () => {
        this.logger.log(`metrics on http://127.0.0.1:${this.port}/metrics`);
        resolve();
      });
    });
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served here.');
      return;
    }
    try {
      const text = await this.metrics.registry.metrics();
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }).end(text);
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      response.writeHead(500).end();
    }
  }
}
