import { HttpErrorResponse } from '@angular/common/http';

/** What the UI shows for a failed request: the server's own sentence plus one line per bad field. */
export interface DisplayedError {
  message: string;
  details: string[];
}

/**
 * Reads the gateway's error body `{ statusCode, error, message, details? }` without trusting its
 * shape, so a proxy's HTML error page or a network failure still yields a sentence a person can act on.
 */
export function toDisplayedError(error: unknown): DisplayedError {
  if (!(error instanceof HttpErrorResponse)) {
    return { message: error instanceof Error ? error.message : 'Something went wrong. Please try again.', details: [] };
  }
  if (error.status === 0) {
    return { message: 'Cannot reach the server. Check your connection and try again.', details: [] };
  }
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null) {
    const { message, details } = body as Record<string, unknown>;
    const lines = Array.isArray(message) ? message.filter(isText) : [];
    const text = typeof message === 'string' ? message : lines.length ? 'The request was not accepted.' : null;
    if (text) {
      const extra = Array.isArray(details) ? details.filter(isText) : [];
      return { message: text, details: [...lines, ...extra] };
    }
  }
  return {
    message: `The server answered ${error.status} ${error.statusText || ''}`.trim() + '. Please try again.',
    details: [],
  };
}

/** True when retrying later can succeed (offline, gateway restarting, overloaded). */
export function isTransientHttpError(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}
