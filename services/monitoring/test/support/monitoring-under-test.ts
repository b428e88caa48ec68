import type { RunningTestService } from '@invigil/server-testing';
import { RawNats, startTestService, StreamWatcher } from '@invigil/server-testing';
import { MonitoringModule } from '../../src/app.module';
import { MonitoringEnv } from '../../src/config/env';
import { monitoringEntities } from '../../src/entities';
import { monitoringMigrations } from '../../src/migrations';

export interface MonitoringUnderTest {
  service: RunningTestService<MonitoringEnv>;
  nats: RawNats;
  stream: StreamWatcher;
}

/**
 * A raw NATS peer and a watcher of the event stream under `tag`, then the real monitoring app on a
 * fresh schema `monitoring_<tag>`: the watcher starts first so it sees every event the app emits.
 */
export async function startMonitoring(tag: string): Promise<MonitoringUnderTest> {
  const nats = await RawNats.connect(tag);
  const stream = await StreamWatcher.start(nats);
  const service = await startTestService({
    service: 'monitoring',
    envClass: MonitoringEnv,
    rootModule: (env) => MonitoringModule.forRoot(env),
    entities: monitoringEntities,
    migrations: monitoringMigrations,
    tag,
  });
  return { service, nats, stream };
}

/** Stops what `startMonitoring` started; any part may be missing when the start failed. */
export async function stopMonitoring(started: Partial<MonitoringUnderTest>): Promise<void> {
  await started.service?.stop();
  started.stream?.stop();
  await started.nats?.deleteStream();
  await started.nats?.close();
}
