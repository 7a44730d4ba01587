import type { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Environment } from '../config/environment';

/**
 * Fields that must never reach a log line, wherever they appear. Requests are logged as
 * method + path only (no query, headers or body), so these guard what code logs itself.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.token',
  '*.phone',
  '*.phoneNumber',
  '*.notes',
  '*.From',
  '*.To',
  '*.Caller',
  '*.Called',
  '*.parameters',
];

const pathOnly = (url = ''): string => url.split('?')[0];

/** Routes whose segment after the prefix is a secret: whoever has the address holds the key. */
const TOKEN_ROUTES = [/^(\/api\/public\/bookings\/)[^/]+/, /^(\/api\/public\/offers\/)[^/]+/];
const CALENDAR_FEED = /^\/calendar\/[^/]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A long random-looking segment (base64url, 20+ characters) is treated as a token too. */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{20,}$/;

/**
 * The path a request log records: never a token. The manage links, waiting-list offers and
 * calendar feeds show as their route pattern (`/api/public/bookings/:token`,
 * `/calendar/:token.ics`); any other long random segment becomes `:token` (record ids, which
 * are UUIDs, stay readable). The query is dropped.
 */
export function loggablePath(url = ''): string {
  let path = pathOnly(url);
  if (CALENDAR_FEED.test(path)) return '/calendar/:token.ics';
  for (const route of TOKEN_ROUTES) path = path.replace(route, '$1:token');
  return path
    .split('/')
    .map((segment) => {
      const [name, ...extension] = segment.split('.');
      return TOKEN_LIKE.test(name) && !UUID.test(name)
        ? [':token', ...extension].join('.')
        : segment;
    })
    .join('/');
}

export interface LoggedError {
  type?: string;
  code?: string | number;
  message: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * An error as a log line: its kind, message and stack, never the values a query carried.
 * Whatever was thrown or logged under `err` keeps a reason: an Error (own fields read even
 * when not enumerable), an already serialized error, a bare message, or any other value as
 * text. An AggregateError without its own message gives its first error's.
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (typeof error === 'string') return { message: error };
  if (!error || typeof error !== 'object') return { message: String(error) };
  const value = error as {
    name?: unknown;
    type?: unknown;
    code?: unknown;
    message?: unknown;
    stack?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const text = (field: unknown) => (typeof field === 'string' && field ? field : undefined);
  const first = Array.isArray(value.errors) ? (value.errors[0] as unknown) : undefined;
  const message =
    text(value.message) ??
    (first !== undefined ? serializeError(first, depth + 1).message : undefined) ??
    (error instanceof Error ? error.name : describeObject(error));
  const code =
    typeof value.code === 'string' || typeof value.code === 'number' ? value.code : undefined;
  return {
    type: text(value.name) ?? text(value.type),
    code,
    message,
    stack: text(value.stack),
    cause:
      value.cause !== undefined && depth < 3 ? serializeError(value.cause, depth + 1) : undefined,
  };
}

/** A thrown non-error object by its kind and field names only: its values may be personal. */
function describeObject(value: object): string {
  const fields = Object.keys(value).slice(0, 10).join(', ');
  return `${Object.prototype.toString.call(value)} thrown${fields ? ` (fields: ${fields})` : ''}`;
}

export function loggerParams(
  env: Pick<Environment, 'LOG_LEVEL' | 'NODE_ENV'>,
  stream?: Writable,
): Params {
  return {
    pinoHttp: [
      {
        level: env.LOG_LEVEL,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        serializers: {
          req: (req: IncomingMessage & { id?: unknown }) => ({
            id: req.id,
            method: req.method,
            url: loggablePath(req.url),
          }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
          err: serializeError,
        },
        autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url) === '/health' },
        quietReqLogger: true,
      },
      stream ?? process.stdout,
    ],
  };
}
