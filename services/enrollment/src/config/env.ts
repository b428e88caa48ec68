import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DatabaseEnv, toInt } from '@invigil/server-platform';

export class EnrollmentEnv extends DatabaseEnv {
  override HTTP_PORT = 3102;
  override DB_SCHEMA = 'enrollment';

  /** Where invitations go, e.g. smtp://user:pass@mail.example.com:587. Unset: written as .eml files to MAIL_OUTBOX_DIR. */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:password@host:587 (or smtps://…)' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Invigil <no-reply@invigil.local>';

  /** Base address of the app in links, e.g. https://exams.example.com (no trailing slash). */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/]$/, {
    message: 'PUBLIC_URL must look like https://exams.example.com (no trailing slash)',
  })
  PUBLIC_URL = 'http://localhost:3000';

  /** Dev outbox for invitations when no SMTP_URL is set (git-ignored). */
  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox-mail';

  /** How long an invitation's sign-in link works. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS = 72;
}
