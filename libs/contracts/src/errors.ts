/**
 * The body of every error a service returns over NATS. The gateway maps `code` to an HTTP status,
 * so a person reading the API response sees `message` unchanged.
 */
export enum RpcErrorCode {
  MalformedPayload = 'MALFORMED_PAYLOAD',
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  Unavailable = 'UNAVAILABLE',
  Internal = 'INTERNAL',
}

export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
  /** One line per failed field, e.g. "email must be an email". */
  details?: string[];
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}
