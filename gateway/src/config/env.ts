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

  /** Requests per minute per client address across the API; login has its own tighter limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 30;

  /** Dev outbox the enrollment service writes invitations to without SMTP_URL; listed at /api/dev/mail outside production. */
  @IsString()
  MAIL_OUTBOX_DIR = 'var/outbox-mail';
}
