import { BadRequestException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The largest body a request may carry (JSON or a form); more answers 413. */
export const BODY_LIMIT = '100kb';

/**
 * How deeply a body's objects and lists may nest. The deepest real body (a hotline's opening
 * hours: `openingHours.mon.0.start`) nests 3 levels; validation walks bodies recursively, so
 * a body nested thousands deep would exhaust the stack before any rule could refuse it.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * How deeply `value` nests objects and lists, counted without recursion, stopping as soon as
 * it exceeds `limit` (a body within the size limit may still nest tens of thousands deep).
 */
export function nestingDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (!item || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item as object)) pending.push([child, level]);
  }
  return deepest;
}

/** 400 for a body nested beyond MAX_BODY_DEPTH, before any code walks it. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestingDepth(request.body) > MAX_BODY_DEPTH) {
    next(
      new BadRequestException(
        `The request body nests objects or lists more than ${MAX_BODY_DEPTH} levels deep.`,
      ),
    );
    return;
  }
  next();
}

/**
 * JSON and form bodies up to BODY_LIMIT, forms nested at most MAX_BODY_DEPTH (deeper answers
 * 400), and the same depth limit for JSON once parsed. The app must be created with
 * `bodyParser: false` so these replace Nest's own parsers.
 */
export function useBodyParsing(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true, depth: MAX_BODY_DEPTH });
  app.use(refuseDeepBodies);
}
