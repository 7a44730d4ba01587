import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  ForbiddenException,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import twilio from 'twilio';
import { DEFAULT_SAY_VOICE } from '../hotlines/hotline.entity';
import { DEFAULT_CLOSED_MESSAGE } from '../hotlines/hotlines.service';
import { VOICE_PROMPTS, sayAs } from '../calls/voice-prompts';
import { serializeError } from '../common/logging';
import { DANGER_DIGIT } from '../calls/voice-prompts';
import { HoldTwiml } from './hold-twiml';

/** The caller pressed the danger key at a menu, or a hold carried that they had. */
function inDanger(request: Request): boolean {
  const digits = (request.body as { Digits?: unknown } | undefined)?.Digits;
  return (
    request.query.crisis === '1' || (request.path.endsWith('/menu') && digits === DANGER_DIGIT)
  );
}

/**
 * A caller never hears an application error. Whatever fails behind a voice webhook (the
 * database, Twilio's API, a bug), the answer is valid TwiML: on the hold-music request a
 * short pause so the caller keeps their place; elsewhere an apology, the emergency numbers,
 * then one more try from the start, and if that fails too, goodbye; a caller who pressed the
 * danger key is forwarded to the crisis line instead. Signature failures stay 403. (A locked
 * or unreachable database does not come here: the webhook budget holds the caller.)
 */
@Catch()
export class TwimlErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('VoiceWebhook');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (exception instanceof ForbiddenException) {
      response.status(403).json(exception.getResponse());
      return;
    }
    // A refused request (4xx: an unknown call, bad parameters) is a warning; a failure is an error.
    if (exception instanceof HttpException && exception.getStatus() < 500)
      this.logger.warn(
        { status: exception.getStatus(), reason: exception.message, path: request.path },
        'voice webhook refused',
      );
    else
      this.logger.error(
        { err: serializeError(exception), path: request.path },
        'voice webhook failed',
      );

    // The hotline could not be read, so speak both languages.
    const twiml = new twilio.twiml.VoiceResponse();
    const say = (text: (prompts: (typeof VOICE_PROMPTS)['en']) => string) => {
      for (const locale of ['zh-CN', 'en'] as const)
        twiml.say(sayAs(DEFAULT_SAY_VOICE[locale]), text(VOICE_PROMPTS[locale]));
    };
    if (/\/wait(-choice)?$/.test(request.path)) {
      twiml.pause({ length: 5 });
    } else if (inDanger(request)) {
      // Never hang up on a caller in danger: the crisis line takes them.
      response.status(200).type('text/xml').send(new HoldTwiml(null).forwardToCrisisLine());
      return;
    } else {
      say((prompts) => prompts.apology);
      for (const locale of ['zh-CN', 'en'] as const) {
        twiml.say(sayAs(DEFAULT_SAY_VOICE[locale]), DEFAULT_CLOSED_MESSAGE[locale]);
      }
      if (request.query.retry === undefined) {
        say((prompts) => prompts.tryAgain);
        twiml.redirect({ method: 'POST' }, '/twilio/voice/incoming?retry=1');
      } else {
        say((prompts) => prompts.goodbye);
        twiml.hangup();
      }
    }
    response.status(200).type('text/xml').send(twiml.toString());
  }
}
