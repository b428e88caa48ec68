import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors } from '@invigil/contracts';

/** Bodies are validated against the contract classes; unknown fields are refused, not dropped silently. */
export function httpValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = describeValidationErrors(errors);
      return new BadRequestException({
        error: 'VALIDATION_FAILED',
        message: `The request is invalid: ${details.join('; ')}`,
        details,
      });
    },
  });
}
