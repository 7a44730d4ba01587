import {
  ArgumentsHost,
  Catch,
  ConflictException,
  ExceptionFilter,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import type { Response } from 'express';
import { RoutingError } from '@hotline/routing';

/**
 * The switchboard will not do what was asked: a conflict with the state of the call or the
 * volunteer, or something that is not there. The edges (HTTP, the cluster, the console's
 * acknowledgements) answer it as a 409 or 404 with this message.
 */
export class SwitchboardRefusal extends Error {
  constructor(
    readonly reason: 'conflict' | 'not_found',
    message: string,
  ) {
    super(message);
  }

  /** The engine's refusal, in words a console can show; `notAllowed` for a `not_allowed` one. */
  static of(error: RoutingError, notAllowed?: string): SwitchboardRefusal {
    if (error.code === 'offer_not_live')
      return new SwitchboardRefusal(
        'conflict',
        'This call is no longer being offered to you: it timed out, was withdrawn or the caller hung up.',
      );
    if (error.code === 'not_allowed')
      return new SwitchboardRefusal(
        'conflict',
        notAllowed ?? 'You cannot change your state while you are on a call.',
      );
    return new SwitchboardRefusal('not_found', error.message);
  }

  asHttp(): HttpException {
    return this.reason === 'conflict'
      ? new ConflictException(this.message)
      : new NotFoundException(this.message);
  }
}

/** Answers a refusal as the HTTP error it stands for. */
@Catch(SwitchboardRefusal)
export class SwitchboardRefusalFilter implements ExceptionFilter {
  catch(refusal: SwitchboardRefusal, host: ArgumentsHost): void {
    const http = refusal.asHttp();
    host.switchToHttp().getResponse<Response>().status(http.getStatus()).json(http.getResponse());
  }
}
