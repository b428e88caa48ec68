import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException(`${name} in the URL must be a UUID (the id the API returned).`),
  });
}
