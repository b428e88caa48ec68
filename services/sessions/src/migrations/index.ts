import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000000_initial } from './Migration20261127000000_initial';
import { Migration20261127100000_session_settings } from './Migration20261127100000_session_settings';
import { Migration20261127120000_question_types } from './Migration20261127120000_question_types';
import { Migration20261128000000_exam_runtime } from './Migration20261128000000_exam_runtime';
import { Migration20261203100000_emergency_procedures } from './Migration20261203100000_emergency_procedures';
import { Migration20261203180000_time_warnings } from './Migration20261203180000_time_warnings';

/** Every migration, oldest first. Append; never edit one that has been released. */
export const sessionsMigrations: MigrationObject[] = [
  { name: 'Migration20261127000000_initial', class: Migration20261127000000_initial },
  { name: 'Migration20261127100000_session_settings', class: Migration20261127100000_session_settings },
  { name: 'Migration20261127120000_question_types', class: Migration20261127120000_question_types },
  { name: 'Migration20261128000000_exam_runtime', class: Migration20261128000000_exam_runtime },
  { name: 'Migration20261203100000_emergency_procedures', class: Migration20261203100000_emergency_procedures },
  { name: 'Migration20261203180000_time_warnings', class: Migration20261203180000_time_warnings },
];
