import { ClientNats } from '@nestjs/microservices';
import type { MsgHdrs } from 'nats';
import { headers as natsHeaders } from 'nats';
import { CORRELATION_HEADER, currentCorrelationId } from '../context/request-context';
import { injectTraceContext } from '../tracing/trace-context';

/** Nest's NATS client with the subject prefix applied and the correlation id and trace context sent along. */
export class InvigilNatsClient extends ClientNats {
  constructor(
    url: string,
    private readonly subjectPrefix: string,
    clientName: string,
  ) {
    super({ servers: [url], name: clientName, waitOnFirstConnect: true, maxReconnectAttempts: -1 });
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return this.subjectPrefix + super.normalizePattern(pattern);
  }

  protected override mergeHeaders<THeaders = MsgHdrs>(requestHeaders?: THeaders): MsgHdrs {
    const merged: MsgHdrs = (super.mergeHeaders(requestHeaders) as MsgHdrs | undefined) ?? natsHeaders();
    const correlationId = currentCorrelationId();
    if (correlationId && !merged.has(CORRELATION_HEADER)) merged.set(CORRELATION_HEADER, correlationId);
    injectTraceContext(merged);
    return merged;
  }
}
