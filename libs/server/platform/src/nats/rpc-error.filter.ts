import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { isRpcErrorBody, RpcErrorBody, RpcErrorCode } from '@invigil/contracts';
import { IllegalTransitionError } from '@invigil/domain';
import { Observable, throwError } from 'rxjs';
import { RemoteCallError } from './rpc-error';

/** Turns anything a NATS handler throws into a typed RpcErrorBody reply; nothing leaks as a hang or a crash. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<RpcErrorBody> {
    return throwError(() => this.toBody(exception));
  }

  private toBody(exception: unknown): RpcErrorBody {
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (isRpcErrorBody(error)) return error;
      return { code: RpcErrorCode.Internal, message: typeof error === 'string' ? error : 'Request failed' };
    }
    if (exception instanceof IllegalTransitionError) return { code: RpcErrorCode.Conflict, message: exception.message };
    if (exception instanceof RemoteCallError) return exception.body;
    if (isPoolExhausted(exception)) {
      // Overload, not a fault: the caller may retry (the exam page keeps the save and sends it again).
      this.logger.warn('Refused a request: no database connection became free within DB_ACQUIRE_TIMEOUT_MS');
      return { code: RpcErrorCode.Unavailable, message: 'The service is busy right now; try again in a moment.' };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { code: RpcErrorCode.Internal, message: 'The service failed to handle the request; it has been logged.' };
  }
}

/** knex's error when every pooled connection stayed busy for the whole acquire timeout. */
function isPoolExhausted(exception: unknown): boolean {
  return exception instanceof Error && /Timeout acquiring a connection/.test(exception.message);
}
