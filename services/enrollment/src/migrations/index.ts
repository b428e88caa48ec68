import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_initial } from './Migration20261126000000_initial';
import { Migration20261126100000_roster_details } from './Migration20261126100000_roster_details';
import { Migration20261126110000_invitations } from './Migration20261126110000_invitations';
import { Migration20261127100000_identity_checks } from './Migration20261127100000_identity_checks';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const enrollmentMigrations: MigrationObject[] = [
  { name: 'Migration20261126000000_initial', class: Migration20261126000000_initial },
  { name: 'Migration20261126100000_roster_details', class: Migration20261126100000_roster_details },
  { name: 'Migration20261126110000_invitations', class: Migration20261126110000_invitations },
  { name: 'Migration20261127100000_identity_checks', class: Migration20261127100000_identity_checks },
];
