import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { BODY_LIMIT } from './request-body';

/** What a person is told for the body parser's refusals (their own wording is terse). */
const PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': `The request body is larger than ${BODY_LIMIT}.`,
  'parameters.too.many': 'The form has too many fields.',
  'querystring.parse.rangeError': 'The form nests its fields too deeply.',
  'encoding.unsupported': 'The request body has an encoding this server does not read.',
  'charset.unsupported': 'The request body has a character set this server does not read.',
  'request.aborted': 'The request body did not arrive in full.',
  'request.size.invalid': 'The request body did not arrive in full.',
};

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/** The 4xx status a non-Nest error (from Express or the body parser) carries, if any. */
function clientStatus(exception: unknown): number | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const error = exception as HttpError;
  const status = error.status ?? error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Every error answer is an ErrorView (`statusCode`, `message`, `error`). Express's and the
 * body parser's refusals (413 too large, 400 malformed, 415 charset) become Nest's own
 * HttpExceptions: answered with a clear message and, like every 4xx, not logged as an error
 * (the request log line at info level shows the status). Anything else is the built-in
 * filter's: 500, logged with its message and stack.
 */
@Catch()
export class ErrorAnswerFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Request');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof HttpException)) {
      const status = clientStatus(exception);
      if (status !== undefined) {
        const error = exception as HttpError;
        const message =
          PARSER_MESSAGES[error.type ?? ''] ??
          (error.expose !== false && error.message ? error.message : STATUS_CODES[status]);
        this.logger.log({ status, reason: error.type ?? message }, 'request refused');
        return super.catch(
          new HttpException(
            { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message },
            status,
          ),
          host,
        );
      }
    }
    return super.catch(exception, host);
  }
}
