export type RoutingErrorCode =
  'offer_not_live' | 'unknown_volunteer' | 'unknown_call' | 'not_allowed';

/** An event the engine refused; nothing changed. */
export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}
