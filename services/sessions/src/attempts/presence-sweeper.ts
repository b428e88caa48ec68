import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  createRedis,
  decodePresenceMember,
  PLATFORM_OPTIONS,
  PlatformOptions,
  PRESENCE_TIMEOUT_MS,
  presenceKey,
} from '@invigil/server-platform';
import type Redis from 'ioredis';
import { SessionsEnv } from '../config/env';
import { AttemptPresenceService } from './attempt-presence.service';

const SWEEP_EVERY_MS = 1_000;

/**
 * Catches exam views whose gateway stopped refreshing them (a replica that crashed or was cut off):
 * a view unheard of for PRESENCE_TIMEOUT_MS is reported disconnected. Every sessions replica sweeps;
 * whoever removes a member from the set reports it, so each silence is reported once.
 */
@Injectable()
export class PresenceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceSweeper.name);
  private readonly redis: Redis;
  private readonly key: string;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sweeping = false;

  constructor(
    env: SessionsEnv,
    @Inject(PLATFORM_OPTIONS) options: PlatformOptions,
    private readonly presence: AttemptPresenceService,
  ) {
    this.redis = createRedis(env.REDIS_URL, 'sessions-presence-sweeper');
    this.key = presenceKey(options.subjectPrefix);
  }

  onApplicationBootstrap(): void {
    this.timer ??= setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.redis.quit().catch(() => undefined);
  }

  /** Returns how many silent views it reported. */
  async sweep(now = Date.now()): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let reported = 0;
    try {
      const silent = await this.redis.zrangebyscore(
        this.key,
        '-inf',
        now - PRESENCE_TIMEOUT_MS,
        'WITHSCORES',
        'LIMIT',
        0,
        500,
      );
      for (let i = 0; i < silent.length; i += 2) {
        const [raw, score] = [silent[i], silent[i + 1]];
        if (raw === undefined || score === undefined) break; // WITHSCORES replies come in member/score pairs
        if ((await this.redis.zrem(this.key, raw)) !== 1) continue; // another replica took it
        const member = decodePresenceMember(raw);
        if (!member) continue;
        const lastSeenAt = new Date(Number(score)).toISOString();
        const { recorded } = await this.presence.report({ ...member, connected: false, lastSeenAt });
        if (recorded) reported++;
      }
    } catch (error) {
      this.logger.warn(`Presence sweep failed (retrying in ${SWEEP_EVERY_MS} ms): ${String(error)}`);
    } finally {
      this.sweeping = false;
    }
    return reported;
  }
}
