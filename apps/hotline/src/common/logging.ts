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

/** An error as a log line: its kind, message and stack, never the values a query carried. */
export function serializeError(error: Error & { code?: string }) {
  return { type: error.name, code: error.code, message: error.message, stack: error.stack };
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
            url: pathOnly(req.url),
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
