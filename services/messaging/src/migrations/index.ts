import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126212000_initial } from './Migration20261126212000_initial';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const messagingMigrations: MigrationObject[] = [
  { name: 'Migration20261126212000_initial', class: Migration20261126212000_initial },
];
