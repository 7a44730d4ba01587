import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** One line per failed rule, prefixed with the field's full path (`openingHours.mon.0.start`). */
export function validationMessages(
  errors: ValidationError[],
  parent = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // class-validator's messages start with the bare property name; give nested ones their path.
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...validationMessages(error.children ?? [], field)];
  });
}

/** 400 with `message` (a list a person can read) and `fields` (field path → messages) for forms. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const failures = validationMessages(errors);
      const fields: Record<string, string[]> = {};
      for (const { field, message } of failures) (fields[field] ??= []).push(message);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: failures.map(({ message }) => message),
        fields,
      });
    },
  });
}

/** The same 400 shape for rules checked in a service (unknown topic keys, overlapping hours). */
export function invalidFields(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: Object.values(fields).flat(),
    fields,
  });
}
