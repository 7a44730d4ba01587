import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HotlineMetrics } from './hotline-metrics';

/**
 * Times each Twilio webhook from its arrival to the last byte of its answer, signature check
 * and TwiML included. The label is the route's pattern (one per webhook, never a caller's
 * data); a path no route matched counts as `unmatched`.
 */
@Injectable()
export class WebhookTimer implements NestMiddleware {
  constructor(private readonly metrics: HotlineMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    // Express notes the route it runs on the request: now this middleware's, later the handler's.
    const own: unknown = request.route;
    response.once('finish', () => {
      const route =
        request.route === own ? undefined : (request.route as { path?: string } | undefined)?.path;
      this.metrics.webhooks.observe(
        { route: route ? `${request.baseUrl}${route}` : 'unmatched', status: response.statusCode },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  }
}
