import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126212000_initial } from './Migration20261126212000_initial';
import { Migration20261203170000_chat } from './Migration20261203170000_chat';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const messagingMigrations: MigrationObject[] = [
  { name: 'Migration20261126212000_initial', class: Migration20261126212000_initial },
  { name: 'Migration20261203170000_chat', class: Migration20261203170000_chat },
];
