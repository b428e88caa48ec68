import { Migration } from '@mikro-orm/migrations';

/** Essays are not auto-scored (a person must mark them): a result records the points awaiting manual review. */
export class Migration20261127120000_pending_review extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "result" add column "pending_review" int not null default 0`);
    this.addSql(`alter table "result" alter column "pending_review" drop default`);
  }
}
