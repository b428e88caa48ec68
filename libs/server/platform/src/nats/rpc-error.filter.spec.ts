import type { ArgumentsHost } from '@nestjs/common';
import type { RpcErrorBody } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';
import { firstValueFrom } from 'rxjs';
import { RpcErrorFilter } from './rpc-error.filter';
import { RpcError } from './rpc-error';

async function replyTo(exception: unknown): Promise<RpcErrorBody> {
  try {
    await firstValueFrom(new RpcErrorFilter().catch(exception, {} as ArgumentsHost));
  } catch (body) {
    return body as RpcErrorBody;
  }
  throw new Error('the filter replied without an error');
}

describe('RpcErrorFilter', () => {
  it('answers an exhausted connection pool as Unavailable, so callers retry instead of reporting a fault', async () => {
    const reply = await replyTo(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'));
    expect(reply).toEqual({
      code: RpcErrorCode.Unavailable,
      message: 'The service is busy right now; try again in a moment.',
    });
  });

  it('keeps typed refusals and hides other failures behind Internal', async () => {
    expect(await replyTo(RpcError.conflict('Time is over; this answer was not saved.'))).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'Time is over; this answer was not saved.',
    });
    expect((await replyTo(new Error('boom'))).code).toBe(RpcErrorCode.Internal);
  });
});
