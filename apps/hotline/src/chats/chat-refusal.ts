import {
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { ChatAck, ChatError } from '@hotline/chat-protocol';

/** A chat command refused, with the protocol's code and a sentence a person can act on. */
export class ChatRefusal extends Error {
  constructor(
    readonly code: ChatError,
    message: string,
  ) {
    super(message);
    this.name = 'ChatRefusal';
  }

  /** The same refusal as an API answer. */
  asHttp(): HttpException {
    switch (this.code) {
      case 'not_yours':
        return new NotFoundException(this.message);
      case 'forbidden':
        return new ForbiddenException(this.message);
      case 'unavailable':
        return new ServiceUnavailableException(this.message);
      case 'ended':
        return new ConflictException(this.message);
      default:
        return new UnprocessableEntityException(this.message);
    }
  }
}

/**
 * A refusal as a command's acknowledgement: the protocol's code when the chat refused, else the
 * closest (`unavailable` while the routing moves to another instance, `invalid` for the rest).
 */
export function refusedAck(error: unknown): Extract<ChatAck, { ok: false }> {
  if (error instanceof ChatRefusal) return { ok: false, error: error.code, message: error.message };
  if (error instanceof HttpException) {
    const message = error.message;
    const status = error.getStatus();
    const body = error.getResponse();
    const said =
      typeof body === 'string'
        ? body
        : ((body as { message?: string | string[] }).message ?? message);
    const text = Array.isArray(said) ? said.join('; ') : said;
    const code: ChatError =
      status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_yours'
          : status === 503
            ? 'unavailable'
            : status === 409
              ? 'unavailable'
              : 'invalid';
    return { ok: false, error: code, message: text };
  }
  // An unexpected failure says nothing of its cause (it may quote a query).
  return {
    ok: false,
    error: 'unavailable',
    message: 'The server could not do this now; try again.',
  };
}
