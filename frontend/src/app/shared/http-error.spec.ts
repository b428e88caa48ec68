import { HttpErrorResponse } from '@angular/common/http';
import { isTransientHttpError, toDisplayedError } from './http-error';

describe('toDisplayedError', () => {
  it('shows the gateway message and its field details', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The assessment is not valid.',
        details: ['title: title must not be empty'],
      },
    });
    expect(toDisplayedError(error)).toEqual({
      message: 'The assessment is not valid.',
      details: ['title: title must not be empty'],
    });
  });

  it('says the server cannot be reached when the request never got an answer', () => {
    expect(toDisplayedError(new HttpErrorResponse({ status: 0 })).message).toMatch(/cannot reach the server/i);
  });

  it('still says something useful when the body is not the expected JSON', () => {
    const error = new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>oops</html>' });
    expect(toDisplayedError(error).message).toBe('The server answered 502 Bad Gateway. Please try again.');
  });

  it('treats network failures and 5xx as worth retrying, refusals as final', () => {
    expect(isTransientHttpError(new HttpErrorResponse({ status: 0 }))).toBe(true);
    expect(isTransientHttpError(new HttpErrorResponse({ status: 503 }))).toBe(true);
    expect(isTransientHttpError(new HttpErrorResponse({ status: 409 }))).toBe(false);
    expect(isTransientHttpError(new Error('bug'))).toBe(false);
  });
});
