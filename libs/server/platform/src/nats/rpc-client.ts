import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { isRpcErrorBody, RequestOf, RequestSubject, ResponseOf, RpcErrorCode } from '@invigil/contracts';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { INVIGIL_METRICS, InvigilMetrics } from '../metrics/metrics';
import { context } from '@opentelemetry/api';
import { inSpan, SpanKind } from '../tracing/trace-context';
import { RemoteCallError } from './rpc-error';

export const NEST_NATS_CLIENT = Symbol('NEST_NATS_CLIENT');
export const RPC_TIMEOUT_MS = 8_000;

/** Typed request/reply over NATS: the subject decides the payload and the response type. */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  constructor(
    @Inject(NEST_NATS_CLIENT) private readonly client: ClientProxy,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  async request<S extends RequestSubject>(
    subject: S,
    payload: RequestOf<S>,
    timeoutMs = RPC_TIMEOUT_MS,
  ): Promise<ResponseOf<S>> {
    const stopTimer = this.metrics.rpcCalls.startTimer({ subject });
    try {
      const attributes = {
        'messaging.system': 'nats',
        'messaging.destination.name': subject,
        'messaging.operation.type': 'send',
      };
      const response = await inSpan(`nats request ${subject}`, SpanKind.CLIENT, context.active(), attributes, () =>
        firstValueFrom(this.client.send<ResponseOf<S>>(subject, payload).pipe(timeout(timeoutMs))),
      );
      stopTimer({ outcome: 'ok' });
      return response;
    } catch (error) {
      stopTimer({ outcome: 'error' });
      if (error instanceof TimeoutError) {
        const service = subject.split('.')[0];
        throw new RemoteCallError(subject, {
          code: RpcErrorCode.Unavailable,
          message: `The ${service} service did not answer within ${timeoutMs / 1000} s; try again shortly.`,
        });
      }
      if (isRpcErrorBody(error)) throw new RemoteCallError(subject, error);
      if (error instanceof EmptyResponseException) {
        throw new RemoteCallError(subject, {
          code: RpcErrorCode.Unavailable,
          message: `The ${subject.split('.')[0]} service is not running or not reachable; try again shortly.`,
        });
      }
      throw new RemoteCallError(subject, {
        code: RpcErrorCode.Internal,
        message: error instanceof Error ? error.message : 'The request failed',
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
