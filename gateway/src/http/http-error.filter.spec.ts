import type { ArgumentsHost } from '@nestjs/common';
import type { HttpErrorBody } from './http-error.filter';
import { HttpErrorFilter } from './http-error.filter';

/** Runs the filter on `exception` and returns what the client would receive. */
function answer(exception: unknown): { status: number; body: HttpErrorBody } {
  const sent: { status: number; body: HttpErrorBody } = { status: 0, body: {} as HttpErrorBody };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: HttpErrorBody) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

/** What Express' body parser passes on (an http-errors object), before any route runs. */
const parserError = (status: number, type: string, message: string) =>
  Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

describe('HttpErrorFilter and the body parser', () => {
  it('answers a body over the limit with 413 and the limit', () => {
    expect(answer(parserError(413, 'entity.too.large', 'request entity too large'))).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'The request body is larger than 4 MB, the most the API accepts. Send smaller images.',
      },
    });
  });

  it('answers malformed JSON and other parser refusals with their 4xx status', () => {
    expect(answer(parserError(400, 'entity.parse.failed', 'Unexpected token'))).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/not valid JSON/) },
    });
    expect(answer(parserError(415, 'charset.unsupported', 'unsupported charset "UTF-7"'))).toMatchObject({
      status: 415,
      body: { message: 'unsupported charset "UTF-7"' },
    });
  });

  it('still hides unexpected failures behind a 500', () => {
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
