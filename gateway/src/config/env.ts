import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { PlatformEnv, toInt } from '@invigil/server-platform';

export class GatewayEnv extends PlatformEnv {
  override HTTP_PORT = 3000;

  /** Signs access tokens. Every gateway replica must share it. */
  @IsString({
    message: 'JWT_SECRET is required: a random string of at least 32 characters shared by every gateway replica',
  })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** The built Angular app (dist/frontend/browser); served at / when set. */
  @IsOptional()
  @IsString()
  FRONTEND_DIST?: string;

  /**
   * Requests per minute across the API, counted per signed-in user (a hall behind one address is
   * many users) and per client address for anonymous requests. Counters live in Redis.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Wrong passwords (within 15 minutes) that lock one account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_ACCOUNT_MAX_FAILURES = 5;

  /** How long an account stays locked after its last allowed wrong password. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_ACCOUNT_LOCK_SECONDS = 120;

  /** Failed sign-ins per minute from one address (a password spray); successful ones are not counted. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_ADDRESS_MAX_FAILURES_PER_MINUTE = 30;

  /** Wrong enrollment codes one candidate may try per JOIN_FAILURE_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOIN_USER_MAX_FAILURES = 10;

  /** Wrong enrollment codes from one address per window: higher, since a whole hall shares it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOIN_ADDRESS_MAX_FAILURES = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOIN_FAILURE_WINDOW_SECONDS = 600;

  /** Certificate verifications (by code or credential) one address may make per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VERIFY_ADDRESS_MAX_PER_MINUTE = 30;

  /** Prometheus scrapes /metrics here, never on HTTP_PORT; 0 picks a free port (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 9464;

  /** Dev outbox the enrollment service writes invitations to without SMTP_URL; listed at /api/dev/mail outside production. */
  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox-mail';
}
