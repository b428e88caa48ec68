import type { Attributes, Context, TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MsgHdrs } from 'nats';

/**
 * W3C trace context across NATS: injected into message headers by senders, extracted by
 * receivers, so one trace follows a request from the browser through the gateway into every
 * service and into PostgreSQL. Only the API is used here; the SDK is started by @invigil/server-tracing.
 */
const setter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<MsgHdrs> = {
  keys: (carrier) => carrier.keys(),
  get: (carrier, key) => carrier.get(key) || undefined,
};

export function injectTraceContext(headers: MsgHdrs, from: Context = context.active()): void {
  propagation.inject(from, headers, setter);
}

export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return headers ? propagation.extract(context.active(), headers, getter) : context.active();
}

/** The active trace as a `traceparent` value, to store beside work that continues later (the outbox). */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

export function contextFromTraceParent(traceParent: string | null): Context {
  return traceParent ? propagation.extract(context.active(), { traceparent: traceParent }) : context.active();
}

export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** Runs `work` inside a new span that is a child of `parent`; errors mark the span and propagate. */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  parent: Context,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const span = trace.getTracer('invigil').startSpan(name, { kind, attributes }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
