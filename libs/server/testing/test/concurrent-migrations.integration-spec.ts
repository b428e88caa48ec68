import { Migration } from '@mikro-orm/migrations';
import { dropSchema, migrateSchema } from '@invigil/server-platform';
import { Client } from 'pg';
import { testDatabaseUrl, uniqueTag } from '../src';
import { Effect, FixtureMigration } from './outbox-fixture';

/** Slow on purpose, so two migrators really overlap. */
class SlowMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('select pg_sleep(1.5)');
    this.addSql('alter table "effect" add column "note" text null');
  }
}

const migrations = [
  { name: 'FixtureMigration', class: FixtureMigration },
  { name: 'SlowMigration', class: SlowMigration },
];

describe('two migrators started at once (a Job retried while another pod still runs)', () => {
  const schema = `migrations_${uniqueTag()}`;

  afterAll(() => dropSchema(testDatabaseUrl(), schema));

  it('runs one after the other under the advisory lock: one applies everything, the other nothing, no errors', async () => {
    const settings = { databaseUrl: testDatabaseUrl(), schema, entities: [Effect], migrations };
    const finished: { applied: string[]; at: number }[] = [];
    const run = async () => {
      const applied = await migrateSchema(settings);
      finished.push({ applied, at: Date.now() });
    };
    await Promise.all([run(), run()]);

    const appliedCounts = finished.map((result) => result.applied.length).sort();
    expect(appliedCounts).toEqual([0, 2]);
    // The one that found nothing to do finished after the one that did the work: it waited.
    expect(finished[0]?.applied).toHaveLength(2);

    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const rows = await client.query(`select name from "${schema}".mikro_orm_migrations order by id`);
    const column = await client.query(
      `select 1 from information_schema.columns where table_schema = $1 and table_name = 'effect' and column_name = 'note'`,
      [schema],
    );
    await client.end();
    expect(rows.rows.map((row: { name: string }) => row.name)).toEqual(['FixtureMigration', 'SlowMigration']);
    expect(column.rowCount).toBe(1);
  });
});
