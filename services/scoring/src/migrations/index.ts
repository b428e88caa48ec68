import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126210000_initial } from './Migration20261126210000_initial';
import { Migration20261127120000_pending_review } from './Migration20261127120000_pending_review';
import { Migration20261203000000_rescoring } from './Migration20261203000000_rescoring';
import { Migration20261204180000_manual_review } from './Migration20261204180000_manual_review';
import { Migration20261204190000_release } from './Migration20261204190000_release';
import { Migration20261204200000_credentials } from './Migration20261204200000_credentials';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const scoringMigrations: MigrationObject[] = [
  { name: 'Migration20261126210000_initial', class: Migration20261126210000_initial },
  { name: 'Migration20261127120000_pending_review', class: Migration20261127120000_pending_review },
  { name: 'Migration20261203000000_rescoring', class: Migration20261203000000_rescoring },
  { name: 'Migration20261204180000_manual_review', class: Migration20261204180000_manual_review },
  { name: 'Migration20261204190000_release', class: Migration20261204190000_release },
  { name: 'Migration20261204200000_credentials', class: Migration20261204200000_credentials },
];
