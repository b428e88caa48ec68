import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126211000_initial } from './Migration20261126211000_initial';
import { Migration20261127110000_signals_snapshots } from './Migration20261127110000_signals_snapshots';
import { Migration20261203130000_session_record } from './Migration20261203130000_session_record';
import { Migration20261203171000_incidents } from './Migration20261203171000_incidents';
import { Migration20261203180000_live_dashboard } from './Migration20261203180000_live_dashboard';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const monitoringMigrations: MigrationObject[] = [
  { name: 'Migration20261126211000_initial', class: Migration20261126211000_initial },
  { name: 'Migration20261127110000_signals_snapshots', class: Migration20261127110000_signals_snapshots },
  { name: 'Migration20261203130000_session_record', class: Migration20261203130000_session_record },
  { name: 'Migration20261203171000_incidents', class: Migration20261203171000_incidents },
  { name: 'Migration20261203180000_live_dashboard', class: Migration20261203180000_live_dashboard },
];
