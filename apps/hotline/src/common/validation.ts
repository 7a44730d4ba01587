import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
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
/** Control characters other than tab and line breaks: no person types them, XML cannot hold them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a text cannot be stored and spoken as given, or undefined if it can. */
export function textProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text))
    return 'holds text that is not valid Unicode (half of a surrogate pair)';
  if (CONTROL.test(text))
    return 'holds a control character (only tabs and line breaks are allowed)';
  return undefined;
}

/**
 * The first text (a value or a key) in `value` that textProblem refuses, with its field path,
 * or undefined. Walked without recursion; bodies are already limited in depth (request-body.ts).
 */
export function invalidTextField(
  value: unknown,
  root = '',
): { field: string; problem: string } | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) return { field: path || 'value', problem };
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item as object)) {
      const at = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      if (problem) return { field: at, problem: `is a field name that ${problem}` };
      pending.push([child, at]);
    }
  }
  return undefined;
}

/** Where @ApiProperty keeps a property's options (@nestjs/swagger's DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** Whether the API document lets this property of a request class be null (it may be cleared). */
function mayBeNull(target: object, property: string): boolean {
  const options = Reflect.getMetadata(API_MODEL_PROPERTIES, target, property) as
    { nullable?: boolean } | undefined;
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
    if (children.length) errors.push({ property, value, children });
  }
  return errors;
}

/**
 * The global pipe: class-validator's rules for each request class, and two rules for every
 * request: no text holds a lone surrogate or a control character (400 naming the field,
 * before any rule runs), and
 * null only where the API document says a field may be null.
 */
export class HotlineValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An untyped body (Twilio's webhooks) is cleaned by its own pipe: telephony/twilio-params.ts.
    const untyped =
      metadata.type === 'body' && (!metadata.metatype || metadata.metatype === Object);
    const invalid = untyped
      ? undefined
      : invalidTextField(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (invalid) throw invalidFields({ [invalid.field]: [`${invalid.field} ${invalid.problem}`] });
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
