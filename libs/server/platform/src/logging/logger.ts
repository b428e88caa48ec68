import pino, { Logger } from 'pino';
import { currentCorrelationId } from '../context/request-context';

/** JSON logs; every line written inside a unit of work carries its correlation id. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  });
}
