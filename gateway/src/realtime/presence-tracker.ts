import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Requests } from '@invigil/contracts';
import {
  encodePresenceMember,
  PLATFORM_OPTIONS,
  PlatformOptions,
  PRESENCE_REFRESH_MS,
  PresenceMember,
  presenceKey,
  REDIS_CONNECTION,
  RpcClient,
} from '@invigil/server-platform';
import type Redis from 'ioredis';

/**
 * The gateway's half of exam-view presence. Socket.IO's ping/pong is the heartbeat with the
 * browser (a silent socket is closed within pingInterval + pingTimeout); this keeps the shared
 * Redis record of live views fresh, so the sessions service notices a replica that died, and
 * reports a socket that closed at once.
 */
@Injectable()
export class PresenceTracker implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(PresenceTracker.name);
  private readonly key: string;
  /** socket id → the member it keeps alive. */
  private readonly members = new Map<string, PresenceMember>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(PLATFORM_OPTIONS) options: PlatformOptions,
    private readonly rpc: RpcClient,
  ) {
    this.key = presenceKey(options.subjectPrefix);
  }

  onModuleInit(): void {
    this.timer ??= setInterval(() => void this.refresh(), PRESENCE_REFRESH_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A replica that stops on purpose hands its views over: they reconnect elsewhere within seconds.
    const members = [...this.members.keys()];
    await Promise.all(members.map((socketId) => this.release(socketId)));
  }

  get liveViews(): number {
    return this.members.size;
  }

  async track(socketId: string, member: PresenceMember): Promise<void> {
    const previous = this.members.get(socketId);
    if (previous && encodePresenceMember(previous) !== encodePresenceMember(member))
      await this.redis.zrem(this.key, encodePresenceMember(previous));
    this.members.set(socketId, member);
    await this.redis.zadd(this.key, Date.now(), encodePresenceMember(member));
  }

  /** The socket closed: the view is disconnected now, not when the sweeper would notice. */
  async release(socketId: string): Promise<void> {
    const member = this.members.get(socketId);
    if (!member) return;
    this.members.delete(socketId);
    try {
      await this.redis.zrem(this.key, encodePresenceMember(member));
      await this.rpc.request(Requests.reportAttemptPresence, {
        ...member,
        connected: false,
        lastSeenAt: new Date().toISOString(),
      });
    } catch (error) {
      // The sweeper has no member to find now; the next attach of this attempt settles its state.
      this.logger.warn(`Could not report a closed exam view of attempt ${member.attemptId}: ${String(error)}`);
    }
  }

  private async refresh(): Promise<void> {
    if (this.members.size === 0) return;
    const now = Date.now();
    const members = [...this.members.values()];
    try {
      const pipeline = this.redis.pipeline();
      for (const member of members) pipeline.zadd(this.key, now, encodePresenceMember(member));
      const results = (await pipeline.exec()) ?? [];
      // 1 = added: the sweeper had dropped this view (this replica stalled); it is alive after all.
      const revived = members.filter((_, index) => results[index]?.[1] === 1);
      for (const member of revived) {
        await this.rpc
          .request(Requests.reportAttemptPresence, {
            ...member,
            connected: true,
            lastSeenAt: new Date(now).toISOString(),
          })
          .catch(() => undefined);
      }
    } catch (error) {
      this.logger.warn(`Presence refresh failed: ${String(error)}`);
    }
  }
}
