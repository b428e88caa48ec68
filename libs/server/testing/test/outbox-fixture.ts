import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Events } from '@invigil/contracts';
import { DatabaseEnv, EventConsumer, PLATFORM_TABLES_SQL, ServicePlatformModule } from '@invigil/server-platform';

/** The consumer's visible effect: how many times each event was applied. */
@Entity({ tableName: 'effect' })
export class Effect {
  @PrimaryKey({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'integer' })
  applied = 0;
}

export class FixtureMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql('create table "effect" ("session_id" uuid primary key, "applied" int not null)');
  }
}

export const fixtureMigrations = [{ name: 'FixtureMigration', class: FixtureMigration }];

/** Sessions whose handler should fail on first delivery (to prove redelivery). */
export const failOnce = new Set<string>();

@Injectable()
class EffectHandler implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionCreated, async (event, em) => {
      if (failOnce.delete(event.sessionId)) throw new Error('simulated failure on first delivery');
      await em.execute(
        'insert into effect (session_id, applied) values (?, 1) on conflict (session_id) do update set applied = effect.applied + 1',
        [event.sessionId],
      );
    });
  }
}

@Module({})
export class ProducerModule {
  static forRoot(env: DatabaseEnv) {
    return {
      module: ProducerModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'sessions',
          env,
          entities: [Effect],
          migrations: fixtureMigrations,
          startOutboxRelay: false,
        }),
      ],
    };
  }
}

@Module({})
export class ConsumerModule {
  static forRoot(env: DatabaseEnv) {
    return {
      module: ConsumerModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'monitoring',
          env,
          entities: [Effect],
          migrations: fixtureMigrations,
        }),
      ],
      providers: [EffectHandler],
    };
  }
}
