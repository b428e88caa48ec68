import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError } from '@invigil/server-platform';
import type { Response } from 'express';

export const STATUS_BY_CODE: Record<RpcErrorCode, number> = {
  [RpcErrorCode.MalformedPayload]: HttpStatus.BAD_REQUEST,
  [RpcErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [RpcErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [RpcErrorCode.Conflict]: HttpStatus.CONFLICT,
  [RpcErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [RpcErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [RpcErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [RpcErrorCode.Internal]: HttpStatus.BAD_GATEWAY,
};

export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: string[];
}

/** One error shape for the whole API: `message` says what was wrong and what to do. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): HttpErrorBody {
    if (exception instanceof RemoteCallError) {
      const statusCode = STATUS_BY_CODE[exception.body.code] ?? HttpStatus.BAD_GATEWAY;
      return { statusCode, error: exception.body.code, message: exception.body.message, details: exception.body.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && 'details' in raw) return { statusCode, ...(raw as Omit<HttpErrorBody, 'statusCode'>) };
      const message = bodyParserMessage(exception) ?? (typeof raw === 'string' ? raw : ((raw as { message?: string | string[] }).message ?? exception.message));
      return { statusCode, error: HttpStatus[statusCode] ?? 'Error', message: Array.isArray(message) ? message.join('; ') : message };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'INTERNAL', message: 'The gateway failed to handle the request; it has been logged.' };
  }
}

/** Express' JSON parser reports syntax errors in its own words; say it plainly. */
function bodyParserMessage(exception: HttpException): string | undefined {
  const cause = exception.cause as { type?: string } | undefined;
  if (cause?.type === 'entity.parse.failed' || /JSON/.test(exception.message)) {
    return 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.';
  }
  return undefined;
}
