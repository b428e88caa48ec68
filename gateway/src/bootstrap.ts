import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { GatewayModule } from './app.module';
import type { GatewayEnv } from './config/env';
import { JSON_BODY_LIMIT } from './http/body-limit';
import { HttpErrorFilter } from './http/http-error.filter';
import { httpValidationPipe } from './http/http-validation.pipe';
import { MetricsServer } from './metrics/metrics-server';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveFrontend } from './static/frontend-static';

export interface RunningGateway {
  app: NestExpressApplication;
  port: number;
  /** Where Prometheus scrapes /metrics: a separate port, not served to the public. */
  metricsPort: number;
}

/** Builds and starts the gateway; tests call this with their own env (port 0 for a free port). */
export async function startGateway(env: GatewayEnv): Promise<RunningGateway> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // A larger body gets a 413 with a JSON message (HttpErrorFilter).
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.setGlobalPrefix('api', { exclude: [{ path: 'health/*path', method: RequestMethod.GET }] });
  app.useGlobalPipes(httpValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  serveFrontend(app, env.FRONTEND_DIST);
  await app.listen(env.HTTP_PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.HTTP_PORT;
  app.get(Logger).log(`gateway ready on http://127.0.0.1:${port} (API /api, OpenAPI /api/openapi.json)`);
  return { app, port, metricsPort: app.get(MetricsServer).port };
}
