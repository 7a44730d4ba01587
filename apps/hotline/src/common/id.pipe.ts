import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Parses an `:id` route parameter, answering 400 with what kind of id was expected. */
export const IdParam = (what: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException(`id must be a ${what} id (a UUID)`),
  });
