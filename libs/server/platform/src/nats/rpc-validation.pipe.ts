import { ValidationPipe } from '@nestjs/common';
import { describeValidationErrors } from '@invigil/contracts';
import { RpcError } from './rpc-error';

/** Validates every NATS payload against its contract class; errors name each failed field. */
export function rpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = describeValidationErrors(errors);
      return RpcError.invalid(`The request is invalid: ${details.join('; ')}`, details);
    },
  });
}
