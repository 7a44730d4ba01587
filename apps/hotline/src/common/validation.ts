import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { ValidatorOptions } from 'class-validator';

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

/** A lone half of a UTF-16 surrogate pair: text no database or encoder can store faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first text (a value or a key) in `value` holding a lone surrogate, as a field path, or
 * undefined. Walked without recursion; bodies are already limited in depth (request-body.ts).
 */
export function loneSurrogateField(value: unknown, root = ''): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return path || 'value';
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item as object)) {
      const at = path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return at;
      pending.push([child, at]);
    }
  }
  return undefined;
}

/** Whether the API document lets this property of a request class be null (it may be cleared). */
function mayBeNull(target: object, property: string): boolean {
  const options = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target, property) as
    | { nullable?: boolean }
    | undefined;
  return options?.nullable === true;
}

/**
 * One error per null the request class does not declare nullable, at any depth of nested
 * request classes (their items included). Null reaches no NOT NULL column this way: a field
 * that may be cleared says `nullable: true` in its @ApiProperty, and its service clears it.
 */
export function nullFieldErrors(object: object): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [property, value] of Object.entries(object)) {
    if (value === null) {
      if (Array.isArray(object) || !mayBeNull(object, property))
        errors.push({
          property,
          value,
          constraints: {
            notNull: `${property} must not be null`,
          },
          children: [],
        });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const inner = value as object;
    const isRequestClass = Object.getPrototypeOf(inner) !== Object.prototype;
    if (!isRequestClass && !Array.isArray(inner)) continue;
    const children = nullFieldErrors(inner);
    if (children.length)
      errors.push({ property, value, children });
  }
  return errors;
}

/**
 * The global pipe: class-validator's rules for each request class, and two rules for every
 * request: no text holds a lone surrogate (400 naming the field, before any rule runs), and
 * null only where the API document says a field may be null.
 */
export class HotlineValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = loneSurrogateField(
      value,
      metadata.type === 'body' ? '' : (metadata.data ?? metadata.type),
    );
    if (field)
      throw invalidFields({
        [field]: [
          `${field} holds text that is not valid Unicode (half of a surrogate pair); send it as UTF-8 or pairs only`,
        ],
      });
    return super.transform(value, metadata) as Promise<unknown>;
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const nulls = nullFieldErrors(object);
    if (!nulls.length) return errors;
    const named = new Set(nulls.map((error) => error.property));
    return [...nulls, ...errors.filter((error) => !named.has(error.property))];
  }
}

/** 400 with `message` (a list a person can read) and `fields` (field path → messages) for forms. */
export function createValidationPipe(): ValidationPipe {
  return new HotlineValidationPipe({
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
