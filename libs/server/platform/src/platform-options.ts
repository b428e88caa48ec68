import type { ServiceName } from '@invigil/contracts';

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformOptions {
  service: ServiceName | 'gateway';
  subjectPrefix: string;
  natsUrl: string;
  redisUrl: string;
  shutdownGraceMs: number;
  /** Tests stop and start the relay themselves. */
  startOutboxRelay?: boolean;
  outboxPollMs?: number;
}
