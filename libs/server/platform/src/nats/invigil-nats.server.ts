import { Logger } from '@nestjs/common';
import { ServerNats } from '@nestjs/microservices';
import type { RpcErrorBody } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { JSONCodec } from 'nats';
import { CORRELATION_HEADER, newCorrelationId, runWithContext } from '../context/request-context';
import { extractTraceContext, inSpan, SpanKind } from '../tracing/trace-context';
import { MalformedPayloadError, SafeJsonDeserializer } from './safe-json.deserializer';

export interface InvigilNatsServerOptions {
  url: string;
  /** Prepended to every subject (see NATS_SUBJECT_PREFIX). */
  subjectPrefix: string;
  /** The queue group: the service name, so replicas share the load. */
  queue: string;
  /** Longest wait for in-flight requests on shutdown. */
  drainTimeoutMs: number;
  /** Observes every handled request (metrics). */
  onRequestHandled?: (subject: string, outcome: 'ok' | 'error', seconds: number) => void;
}

const codec = JSONCodec();

/**
 * Nest's NATS transport plus what a service in production needs: subject prefixes, queue groups,
 * correlation ids from message headers, typed error replies for malformed payloads, and a drain on
 * shutdown that lets in-flight requests finish before the connection closes.
 */
export class InvigilNatsServer extends ServerNats {
  private readonly ownSubscriptions: Subscription[] = [];
  private inFlight = 0;
  private readonly log = new Logger('InvigilNatsServer');

  constructor(private readonly settings: InvigilNatsServerOptions) {
    super({
      servers: [settings.url],
      queue: settings.queue,
      name: settings.queue,
      // Start-up waits for NATS instead of failing; readiness stays red until it answers.
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      deserializer: new SafeJsonDeserializer(),
    });
  }

  override bindEvents(client: NatsConnection): void {
    for (const pattern of this.getHandlers().keys()) {
      const subscription = client.subscribe(this.settings.subjectPrefix + pattern, {
        queue: this.settings.queue,
        callback: (error, message) => {
          if (error) {
            this.log.error(error);
            return;
          }
          void this.handleSafely(pattern, message);
        },
      });
      this.ownSubscriptions.push(subscription);
    }
  }

  private async handleSafely(pattern: string, message: Msg): Promise<void> {
    this.inFlight++;
    const started = process.hrtime.bigint();
    const correlationId = message.headers?.get(CORRELATION_HEADER) || newCorrelationId();
    let outcome: 'ok' | 'error' = 'ok';
    try {
      const attributes = {
        'messaging.system': 'nats',
        'messaging.destination.name': pattern,
        'messaging.operation.type': 'process',
      };
      await inSpan(`nats ${pattern}`, SpanKind.SERVER, extractTraceContext(message.headers), attributes, () =>
        runWithContext({ correlationId }, () => this.handleMessage(pattern, message)),
      );
    } catch (error) {
      outcome = 'error';
      const body: RpcErrorBody =
        error instanceof MalformedPayloadError
          ? { code: RpcErrorCode.MalformedPayload, message: error.message }
          : { code: RpcErrorCode.Internal, message: 'The service failed to handle the request; it has been logged.' };
      if (!(error instanceof MalformedPayloadError))
        this.log.error(error instanceof Error ? error.stack : String(error));
      if (message.reply) message.respond(codec.encode({ err: body, isDisposed: true }));
    } finally {
      this.inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.settings.onRequestHandled?.(pattern, outcome, seconds);
    }
  }

  /** Stop taking new messages, let the ones already taken finish, then drain the connection. */
  override async close(): Promise<void> {
    await Promise.allSettled(this.ownSubscriptions.map((subscription) => subscription.drain()));
    const deadline = Date.now() + this.settings.drainTimeoutMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    try {
      await this.unwrap<NatsConnection>().drain();
    } catch {
      // Already closed (listen failed or close called twice): nothing to drain.
    }
    await super.close();
  }

  get inFlightRequests(): number {
    return this.inFlight;
  }
}
