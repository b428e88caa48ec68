import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestMicroservice } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import type { PlatformEnv } from '../config/env';
import type { InvigilMetrics } from '../metrics/metrics';
import { INVIGIL_METRICS } from '../metrics/metrics';
import { InvigilNatsServer } from '../nats/invigil-nats.server';
import { RpcErrorFilter } from '../nats/rpc-error.filter';
import { rpcValidationPipe } from '../nats/rpc-validation.pipe';

export interface ServiceBootstrap {
  app: INestApplication;
  natsServer: InvigilNatsServer;
  /** The HTTP port health checks answer on (useful when HTTP_PORT=0 in tests). */
  httpPort: number;
}

/**
 * Starts a service: HTTP for health, then the NATS listener once the app is initialised, so no
 * request arrives before its handlers' dependencies exist. SIGTERM/SIGINT run the graceful path:
 * readiness off, NATS drained, in-flight work finished, connections closed.
 */
export async function bootstrapService(
  service: string,
  rootModule: Type | ReturnType<typeof Object>,
  env: PlatformEnv,
): Promise<ServiceBootstrap> {
  // abortOnError: false makes a bad module graph throw (and be reported) instead of exiting the process.
  const app = await NestFactory.create(rootModule as Type, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const metrics = app.get<InvigilMetrics>(INVIGIL_METRICS);
  const natsServer = new InvigilNatsServer({
    url: env.NATS_URL,
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    queue: service,
    drainTimeoutMs: env.SHUTDOWN_GRACE_MS,
    onRequestHandled: (subject, outcome, seconds) => metrics.recordNatsRequest(subject, outcome, seconds),
  });
  // Deferred so the pipe and filter below are in place before the handlers are built…
  const microservice = app.connectMicroservice(
    { strategy: natsServer },
    { deferInitialization: true },
  ) as unknown as NestMicroservice;
  // …but the app's own init runs the lifecycle hooks: the deferred listener must not run them a second time.
  microservice.setIsInitHookCalled(true);
  microservice.useGlobalPipes(rpcValidationPipe());
  microservice.useGlobalFilters(new RpcErrorFilter());
  await app.init();
  await app.startAllMicroservices();
  await app.listen(env.HTTP_PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const httpPort = typeof address === 'object' && address ? address.port : env.HTTP_PORT;
  app.get(Logger).log(`${service} ready: health on http://127.0.0.1:${httpPort}/health/ready`);
  return { app, natsServer, httpPort };
}

/** For main.ts: a start-up failure (bad env, unreachable server) prints why and exits non-zero. */
export function exitOnStartupFailure(service: string): (error: unknown) => never {
  return (error: unknown) => {
    process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
}
