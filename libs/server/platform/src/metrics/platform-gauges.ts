import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { eventStreamName } from '../events/stream';
import { NATS_CONNECTION } from '../nats/nats-connection';
import { OutboxRelay } from '../outbox/outbox-relay';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform-options';
import { INVIGIL_METRICS, InvigilMetrics } from './metrics';

/** Outbox backlog and JetStream consumer lag: the two numbers that say events are falling behind. */
@Injectable()
export class PlatformGauges implements OnModuleInit {
  constructor(
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
    private readonly relay: OutboxRelay,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'invigil_outbox_backlog',
      'Committed events not yet published to JetStream',
      [],
      async (gauge) => {
        gauge.set(await this.relay.backlog());
      },
    );
    this.metrics.gauge(
      'invigil_jetstream_consumer_pending',
      "Events waiting for this service's durable consumer",
      ['consumer', 'state'],
      async (gauge) => {
        try {
          const manager = await this.nats.jetstreamManager();
          const info = await manager.consumers.info(eventStreamName(this.options.subjectPrefix), this.options.service);
          gauge.set({ consumer: this.options.service, state: 'pending' }, info.num_pending);
          gauge.set({ consumer: this.options.service, state: 'ack_pending' }, info.num_ack_pending);
        } catch {
          // No consumer (a service that handles no events) or NATS unreachable: nothing to report.
        }
      },
    );
  }
}
