import type { Logger } from 'pino';
import pino from 'pino';
import { currentCorrelationId } from '../context/request-context';
import { currentTraceId } from '../tracing/trace-context';

/** JSON logs; every line written inside a unit of work carries its correlation id and trace id. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const correlationId = currentCorrelationId();
      const traceId = currentTraceId();
      return { ...(correlationId ? { correlationId } : {}), ...(traceId ? { traceId } : {}) };
    },
  });
}
