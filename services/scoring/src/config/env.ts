import { IsString, Matches } from 'class-validator';
import { QueueEnv } from '@invigil/server-platform';

export class ScoringEnv extends QueueEnv {
  override HTTP_PORT = 3105;
  override DB_SCHEMA = 'scoring';

  /**
   * Base address of the app, e.g. https://exams.example.com (no trailing slash): the verification
   * links on certificates and the ids of issuer profiles, keys and status lists inside credentials.
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/]$/, {
    message: 'PUBLIC_URL must look like https://exams.example.com (no trailing slash)',
  })
  PUBLIC_URL = 'http://localhost:3000';
}
