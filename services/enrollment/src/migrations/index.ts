import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_initial } from './Migration20261126000000_initial';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const enrollmentMigrations: MigrationObject[] = [{ name: 'Migration20261126000000_initial', class: Migration20261126000000_initial }];
