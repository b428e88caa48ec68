import { HttpStatus } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { SocketFailure } from '@invigil/contracts';
import { describeValidationErrors } from '@invigil/contracts';
import { RemoteCallError } from '@invigil/server-platform';
import { STATUS_BY_CODE } from '../http/http-error.filter';

/**
 * Socket commands answer through the acknowledgement, never by throwing: the page needs the
 * refusal (and its reason) for that one save, the same status the HTTP API would give.
 */
export async function parseCommand<T extends object>(type: new () => T, payload: unknown): Promise<T | SocketFailure> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, status: HttpStatus.BAD_REQUEST, message: 'Send the command as a JSON object.' };
  }
  const command = plainToInstance(type, payload);
  const errors = await validate(command, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return command;
  const details = describeValidationErrors(errors);
  return { ok: false, status: HttpStatus.BAD_REQUEST, message: details.join('; '), details };
}

export function isFailure(value: unknown): value is SocketFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

export function toSocketFailure(error: unknown): SocketFailure {
  if (error instanceof RemoteCallError) {
    return {
      ok: false,
      status: STATUS_BY_CODE[error.body.code] ?? HttpStatus.BAD_GATEWAY,
      message: error.body.message,
      details: error.body.details,
    };
  }
  return {
    ok: false,
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'The exam service did not answer; your answer is kept and will be sent again.',
  };
}
