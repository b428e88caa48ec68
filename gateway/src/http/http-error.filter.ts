import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { RpcErrorCode } from '@invigil/contracts';
import { RemoteCallError } from '@invigil/server-platform';
import { TooManyAttemptsException } from '../throttling/failure-limiter';
import { JSON_BODY_LIMIT_TEXT } from './body-limit';
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
    if (exception instanceof TooManyAttemptsException)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): HttpErrorBody {
    if (exception instanceof RemoteCallError) {
      const statusCode = STATUS_BY_CODE[exception.body.code] ?? HttpStatus.BAD_GATEWAY;
      return {
        statusCode,
        error: exception.body.code,
        message: exception.body.message,
        details: exception.body.details,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && 'details' in raw)
        return { statusCode, ...(raw as Omit<HttpErrorBody, 'statusCode'>) };
      const message =
        bodyParserMessage(exception) ??
        (typeof raw === 'string' ? raw : ((raw as { message?: string | string[] }).message ?? exception.message));
      return {
        statusCode,
        error: HttpStatus[statusCode] ?? 'Error',
        message: Array.isArray(message) ? message.join('; ') : message,
      };
    }
    const rejectedBody = bodyParserRejection(exception);
    if (rejectedBody) return rejectedBody;
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'INTERNAL',
      message: 'The gateway failed to handle the request; it has been logged.',
    };
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

/**
 * Express' body parser fails before any route runs, with its own error objects (status + type):
 * a body over the limit is a 413 that says the limit, any other refusal keeps its 4xx status.
 */
function bodyParserRejection(exception: unknown): HttpErrorBody | undefined {
  if (typeof exception !== 'object' || exception === null || !('type' in exception)) return undefined;
  const { type, status, message } = exception as { type?: unknown; status?: unknown; message?: unknown };
  if (type === 'entity.too.large') {
    return {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: 'Payload Too Large',
      message: `The request body is larger than ${JSON_BODY_LIMIT_TEXT}, the most the API accepts. Send smaller images.`,
    };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const text =
      type === 'entity.parse.failed'
        ? 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.'
        : String(message);
    return { statusCode: status, error: HttpStatus[status] ?? 'Error', message: text };
  }
  return undefined;
}
