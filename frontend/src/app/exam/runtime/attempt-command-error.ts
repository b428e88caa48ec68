import type { SocketFailure } from '@invigil/contracts';
import { SocketUnavailableError } from '../../realtime/socket-request-errors';
import type { DisplayedError } from '../../shared/http-error';
import { toDisplayedError } from '../../shared/http-error';

/** The server refused a socket command; `status` is what the same refusal would be over HTTP. */
export class AttemptCommandRefused extends Error {
  readonly status: number;
  readonly details: string[];

  constructor(failure: SocketFailure) {
    super(failure.message);
    this.name = 'AttemptCommandRefused';
    this.status = failure.status;
    this.details = failure.details ?? [];
  }
}

/** A save that may get through later: no connection, no answer in time, or a server that is struggling. */
export function isTransientSaveError(error: unknown): boolean {
  if (error instanceof SocketUnavailableError) return true;
  if (error instanceof AttemptCommandRefused)
    return error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}

/** 409 to a save: the time is over, the attempt is submitted, or another view took over. */
export function isConflict(error: unknown): boolean {
  return error instanceof AttemptCommandRefused && error.status === 409;
}

/** The server's own message and details for a refused command; any other failure as HTTP errors are shown. */
export function displayedCommandError(error: unknown): DisplayedError {
  if (error instanceof AttemptCommandRefused) return { message: error.message, details: error.details };
  return toDisplayedError(error);
}
