import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import type { RunningTestService } from '@invigil/server-testing';
import { RawNats, startTestService, uniqueTag } from '@invigil/server-testing';
import { ScoringModule } from '../../src/app.module';
import { ScoringEnv } from '../../src/config/env';
import { scoringEntities } from '../../src/entities';
import { scoringMigrations } from '../../src/migrations';
import { startPeers } from './fixtures';
import { deleteQueueKeys } from './queue-keys';

/**
 * What every scoring suite runs against: the real service under a tag of its own (schema, NATS
 * prefix, BullMQ keys), a raw NATS connection, and sessions and enrollment played by peers.
 * `start()` in `beforeAll`, `stop()` in `afterAll`; `service` is replaced by `restart()`.
 */
export class ScoringSuite {
  readonly tag = uniqueTag();
  private running: RunningTestService<ScoringEnv> | undefined;
  private connection: RawNats | undefined;
  private peerSet: ReturnType<typeof startPeers> | undefined;

  /** `extraEnv` goes to the service, e.g. the SMTP_URL of a suite's own inbox. */
  constructor(private readonly extraEnv: () => Record<string, string> = () => ({})) {}

  get service(): RunningTestService<ScoringEnv> {
    return started(this.running, 'service');
  }

  get nats(): RawNats {
    return started(this.connection, 'nats');
  }

  get peers(): ReturnType<typeof startPeers> {
    return started(this.peerSet, 'peers');
  }

  /** `beforeService` runs once NATS and the peers are up, e.g. to watch the stream from its first event. */
  async start(beforeService: (nats: RawNats) => Promise<unknown> = () => Promise.resolve()): Promise<this> {
    this.connection = await RawNats.connect(this.tag);
    this.peerSet = startPeers(this.connection);
    await beforeService(this.connection);
    this.running = await this.startService();
    return this;
  }

  /** Stops the service as a crash would (its rows, stream and jobs stay) and starts it again. */
  async restart(): Promise<void> {
    await this.service.close();
    this.running = await this.startService();
  }

  /** A fresh EntityManager on the service's own schema, for reading and planting rows directly. */
  db(): EntityManager {
    return this.service.app.get<MikroORM, MikroORM>(MikroORM).em.fork();
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    await deleteQueueKeys(this.tag);
    this.peerSet?.scoringKey.stop();
    this.peerSet?.users.stop();
    await this.connection?.deleteStream();
    await this.connection?.close();
  }

  private startService(): Promise<RunningTestService<ScoringEnv>> {
    return startTestService({
      service: 'scoring',
      envClass: ScoringEnv,
      rootModule: (env) => ScoringModule.forRoot(env),
      entities: scoringEntities,
      migrations: scoringMigrations,
      tag: this.tag,
      extraEnv: { ...this.extraEnv(), QUEUE_PREFIX: this.tag },
    });
  }
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The suite's ${what} is not started: call suite.start() in beforeAll`);
  return value;
}
