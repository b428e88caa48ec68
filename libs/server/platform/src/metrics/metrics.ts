import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One registry per process with the figures platform teams scale and alert on. Names are
 * permanent once released (dashboards depend on them): add, never rename.
 */
export class InvigilMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'invigil_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'invigil_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly natsRequests = new Counter({
    name: 'invigil_nats_requests_total',
    help: 'NATS requests handled by subject and outcome',
    labelNames: ['subject', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly natsDuration = new Histogram({
    name: 'invigil_nats_request_duration_seconds',
    help: 'NATS request handling duration by subject',
    labelNames: ['subject'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly rpcCalls = new Histogram({
    name: 'invigil_rpc_client_duration_seconds',
    help: 'Requests this process sent to other services, by subject and outcome',
    labelNames: ['subject', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'invigil_bullmq_job_duration_seconds',
    help: 'BullMQ job processing duration by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Every collector of each gauge: several queues of one service report into one `invigil_bullmq_queue_depth`. */
  private readonly collectors = new Map<string, ((gauge: Gauge<string>) => Promise<void> | void)[]>();

  /**
   * A gauge whose value is read when Prometheus scrapes (backlogs, lags, depths, connections). Registering
   * the same name again adds a collector to the same gauge (each sets its own labels).
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L> {
    const collectors = this.collectors.get(name) ?? [];
    collectors.push(collect as (gauge: Gauge<string>) => Promise<void> | void);
    this.collectors.set(name, collectors);
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge<L>;
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        // One failing collector (e.g. a queue closed by a module initialised again in tests) leaves the others reported.
        for (const each of collectors) await Promise.resolve(each(this as Gauge<string>)).catch(() => undefined);
      },
    });
  }

  recordNatsRequest(subject: string, outcome: 'ok' | 'error', seconds: number): void {
    this.natsRequests.inc({ subject, outcome });
    this.natsDuration.observe({ subject }, seconds);
  }
}

export const INVIGIL_METRICS = Symbol('INVIGIL_METRICS');
