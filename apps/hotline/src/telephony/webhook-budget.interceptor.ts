import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import {
  Observable,
  ReplaySubject,
  catchError,
  defer,
  retry,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import { isDatabaseUnavailable } from '../database/time-budgets';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { DANGER_DIGIT } from '../calls/voice-prompts';
import { HoldTwiml } from './hold-twiml';

/**
 * Every voice webhook answers within this. Twilio gives up on a webhook after 15 s and drops
 * the caller; 2 s here keeps the answer inside 3 s on a busy server, with room for Twilio's retry.
 */
export const WEBHOOK_BUDGET_MS = 2_000;
/** The pause of a hold before the step is tried again. */
export const HOLD_PAUSE_SECONDS = 2;
/** On the hold music a longer silence: the caller keeps their place in Twilio's queue. */
export const WAIT_PAUSE_SECONDS = 5;
/** An ordinary caller is held this many times (about 40 s) before the apology and goodbye. */
export const MAX_HOLDS = 8;
/** A caller in danger is held once, then forwarded to the crisis line. */
export const CRISIS_MAX_HOLDS = 1;
/** A status callback the database could not take is retried in the background this long. */
export const STATUS_RETRY_MS = 5_000;
export const STATUS_RETRIES = 24;

/** How long a hold may wait for the hotline's settings (normally already in memory). */
const HOTLINE_LOOKUP_MS = 100;
/** Calls whose caller pressed the danger key, remembered for the database's bad moments. */
const CRISIS_MEMORY_MS = 2 * 60 * 60 * 1000;
const CRISIS_MEMORY_SIZE = 10_000;

/** Parameters Twilio posts once, for the step, that a `<Redirect>` would not post again. */
const CARRIED = ['Digits', 'DialCallStatus', 'DialCallDuration', 'QueueResult'] as const;

/**
 * The voice webhooks' time budget. A step that has not finished within `WEBHOOK_BUDGET_MS`,
 * or that failed because the database is locked or unreachable, answers a hold instead: a
 * pause and a `<Redirect>` back to the same step (the steps are idempotent on CallSid), with
 * the step's own parameters in the address. The step itself goes on in the background, so
 * the next try usually finds it done. Held too often, an ordinary caller hears the apology
 * and the emergency numbers; a caller in danger is forwarded to the crisis line.
 */
@Injectable()
export class WebhookBudgetInterceptor implements NestInterceptor {
  private readonly logger = new Logger('VoiceWebhook');
  private readonly crisisCalls = new Map<string, number>();

  constructor(private readonly directory: HotlineDirectory) {}

  intercept(context: ExecutionContext, next: CallHandler<string>): Observable<string> {
    const request = context.switchToHttp().getRequest<Request>();
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const query = request.query as Record<string, unknown>;
    for (const key of CARRIED)
      if (body[key] === undefined && typeof query[key] === 'string') body[key] = query[key];
    const step = request.path.slice(request.path.lastIndexOf('/') + 1);
    const callSid = body.CallSid ?? '';
    if (step === 'menu' && body.Digits === DANGER_DIGIT) this.rememberCrisis(callSid);
    const crisis = query.crisis === '1' || this.isCrisis(callSid);
    const holds = Math.max(0, Math.floor(Number(query.hold ?? 0)) || 0);

    const held = (why: string, error?: unknown) =>
      defer(() => {
        this.logger.warn(
          { step, holds, crisis, why, err: (error as Error | undefined)?.message },
          'voice webhook held',
        );
        return this.holdAnswer(request, step, body, holds, crisis);
      });
    const budgeted = (answer: Observable<string>) =>
      answer.pipe(
        timeout({ first: WEBHOOK_BUDGET_MS, with: () => held('over budget') }),
        catchError((error: unknown) =>
          isDatabaseUnavailable(error)
            ? held('database unavailable', error)
            : throwError(() => error),
        ),
      );

    if (step !== 'status') return budgeted(next.handle());

    // The end of a call is told once: keep trying after answering, or the call stays open.
    const outcome = new ReplaySubject<string>(1);
    next
      .handle()
      .pipe(
        retry({
          count: STATUS_RETRIES,
          delay: (error: unknown) =>
            isDatabaseUnavailable(error) ? timer(STATUS_RETRY_MS) : throwError(() => error),
        }),
      )
      .subscribe({
        next: (answer) => outcome.next(answer),
        complete: () => outcome.complete(),
        error: (error: unknown) => {
          if (isDatabaseUnavailable(error))
            this.logger.error(
              { callSid, err: (error as Error).message },
              'the end of a call could not be recorded',
            );
          outcome.error(error);
        },
      });
    return budgeted(outcome.asObservable());
  }

  private async holdAnswer(
    request: Request,
    step: string,
    body: Record<string, string | undefined>,
    holds: number,
    crisis: boolean,
  ): Promise<string> {
    if (step === 'status') return HoldTwiml.empty();
    // The screen runs on the volunteer's end, where Twilio plays no pause or redirect: their
    // leg ends and the dial result puts the caller back in their place.
    if (step === 'screen') return HoldTwiml.hangUp();
    const twiml = new HoldTwiml(await this.knownHotline(body.To));
    if (step === 'wait') return twiml.pause(WAIT_PAUSE_SECONDS);
    if (crisis && holds >= CRISIS_MAX_HOLDS) return twiml.forwardToCrisisLine();
    if (holds >= MAX_HOLDS) return twiml.giveUp();
    return twiml.hold(
      this.sameStep(request, body, holds + 1, crisis),
      HOLD_PAUSE_SECONDS,
      holds === 0,
    );
  }

  /** The address of the step again, with what Twilio posted for it and the count of holds. */
  private sameStep(
    request: Request,
    body: Record<string, string | undefined>,
    hold: number,
    crisis: boolean,
  ): string {
    const parameters = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query))
      if (typeof value === 'string' && key !== 'hold' && key !== 'crisis')
        parameters.set(key, value);
    for (const key of CARRIED) {
      const value = body[key];
      if (value !== undefined) parameters.set(key, value);
    }
    if (crisis) parameters.set('crisis', '1');
    parameters.set('hold', String(hold));
    return `${request.path}?${parameters.toString()}`;
  }

  /** The hotline's settings if they are in memory (or come at once); null otherwise. */
  private async knownHotline(to: string | undefined): Promise<Hotline | null> {
    let timer: NodeJS.Timeout | undefined;
    const lookup = this.directory.called(to).catch(() => null);
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), HOTLINE_LOOKUP_MS);
    });
    try {
      return await Promise.race([lookup, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private rememberCrisis(callSid: string): void {
    if (!callSid) return;
    const now = Date.now();
    if (this.crisisCalls.size >= CRISIS_MEMORY_SIZE)
      for (const [sid, until] of this.crisisCalls)
        if (until < now || this.crisisCalls.size >= CRISIS_MEMORY_SIZE)
          this.crisisCalls.delete(sid);
    this.crisisCalls.set(callSid, now + CRISIS_MEMORY_MS);
  }

  private isCrisis(callSid: string): boolean {
    const until = this.crisisCalls.get(callSid);
    return until !== undefined && until > Date.now();
  }
}
