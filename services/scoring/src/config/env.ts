import { IsOptional, IsString, Matches } from 'class-validator';
import { QueueEnv } from '@invigil/server-platform';

export class ScoringEnv extends QueueEnv {
  override HTTP_PORT = 3105;
  override DB_SCHEMA = 'scoring';

  /** Where release mail goes, e.g. smtp://user:pass@mail.example.com:587. Unset: .eml files in MAIL_OUTBOX_DIR. */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:password@host:587 (or smtps://…)' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Invigil <no-reply@invigil.local>';

  /**
   * Base address of the app, e.g. https://exams.example.com (no trailing slash): the verification
   * links on certificates and the ids of issuer profiles, keys and status lists inside credentials.
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/]$/, {
    message: 'PUBLIC_URL must look like https://exams.example.com (no trailing slash)',
  })
  PUBLIC_URL = 'http://localhost:3000';

  /** Dev outbox (the same one enrollment writes to, listed at /api/dev/mail) when no SMTP_URL is set. */
  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox-mail';
}
