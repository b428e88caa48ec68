import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEnvelope, Events, SocketPushes } from '@invigil/contracts';
import { NATS_CONNECTION, PLATFORM_OPTIONS, PlatformOptions } from '@invigil/server-platform';
import { JSONCodec, NatsConnection, Subscription } from 'nats';
import type { Server } from 'socket.io';
import { candidateCopy, isStaffRoom, roomsFor } from './rooms';

const codec = JSONCodec<EventEnvelope>();

/**
 * Every gateway replica listens to every event (no queue group) and pushes each one to the rooms
 * its own sockets joined. Nothing lives only in one replica, so clients may connect anywhere.
 * The push is a notification: pages reload state over HTTP after a reconnect.
 */
@Injectable()
export class EventFanout implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventFanout.name);
  private readonly subscriptions: Subscription[] = [];
  private server: Server | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  attach(server: Server): void {
    this.server = server;
  }

  onApplicationBootstrap(): void {
    for (const subject of Object.values(Events)) {
      this.subscriptions.push(
        this.nats.subscribe(this.options.subjectPrefix + subject, {
          callback: (error, message) => {
            if (error) return this.logger.error(error);
            try {
              this.push(codec.decode(message.data));
            } catch (decodeError) {
              this.logger.warn(`Ignoring an undecodable event on ${message.subject}: ${String(decodeError)}`);
            }
          },
        }),
      );
    }
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private push(envelope: EventEnvelope): void {
    if (!this.server) return;
    const rooms = roomsFor(envelope);
    const staff = rooms.filter(isStaffRoom);
    const others = rooms.filter((room) => !isStaffRoom(room));
    this.server.to(staff).emit(SocketPushes.event, envelope);
    if (others.length > 0) this.server.to(others).except(staff).emit(SocketPushes.event, candidateCopy(envelope));
  }
}
