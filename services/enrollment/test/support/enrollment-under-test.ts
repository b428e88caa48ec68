import type { RunningTestService } from '@invigil/server-testing';
import { RawNats, startTestService } from '@invigil/server-testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { EnrollmentModule } from '../../src/app.module';
import { EnrollmentEnv } from '../../src/config/env';
import { enrollmentEntities } from '../../src/entities';
import { enrollmentMigrations } from '../../src/migrations';
import { seedDemoAccounts } from '../../src/seed/demo-seed';

export interface EnrollmentUnderTest {
  service: RunningTestService<EnrollmentEnv>;
  nats: RawNats;
}

/**
 * The real enrollment app on a fresh schema `enrollment_<tag>` with NATS prefix `<tag>.`, the demo
 * organizations and accounts seeded, and a raw NATS peer connected under the same tag.
 */
export async function startEnrollment(
  tag: string,
  extraEnv: Record<string, string> = {},
): Promise<EnrollmentUnderTest> {
  const service = await startTestService({
    service: 'enrollment',
    envClass: EnrollmentEnv,
    rootModule: (env) => EnrollmentModule.forRoot(env),
    entities: enrollmentEntities,
    migrations: enrollmentMigrations,
    tag,
    extraEnv,
  });
  await seedDemoAccounts(service.app.get(EntityManager).fork());
  return { service, nats: await RawNats.connect(tag) };
}

/** Stops what `startEnrollment` started; either part may be missing when the start failed. */
export async function stopEnrollment(started: Partial<EnrollmentUnderTest>): Promise<void> {
  await started.nats?.deleteStream();
  await started.nats?.close();
  await started.service?.stop();
}
