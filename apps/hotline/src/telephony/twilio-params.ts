import {
  ArgumentMetadata,
  BadRequestException,
  Injectable,
  Logger,
  PipeTransform,
} from '@nestjs/common';
import { textProblem } from '../common/validation';

/** Twilio's counts: seconds (durations, time in queue) and queue places. */
export const TWILIO_COUNTS = [
  'CallDuration',
  'DialCallDuration',
  'Duration',
  'QueueTime',
  'AvgQueueTime',
  'QueuePosition',
  'CurrentQueueSize',
  'RecordingDuration',
] as const;

/** A Twilio call lasts at most 24 hours; no count it sends can be larger. */
export const MAX_TWILIO_COUNT = 86_400;

/** Keys a caller may press in one <Gather> (digits, star, hash), at most this many. */
const DIGITS = /^[0-9*#]{0,64}$/;
const COUNT = /^\d{1,6}$/;
/** Twilio's ids: two letters and hex (CA…, QU…, RE…); tests use short ones. */
const SID = /^[A-Za-z0-9]{2,64}$/;

export interface ParamProblem {
  param: string;
  problem: string;
}

/**
 * A Twilio webhook's parameters, cleaned: only text values (a form may nest or repeat a
 * field), counts as whole numbers from 0 to MAX_TWILIO_COUNT, Digits as keys a phone has.
 * Text Twilio would never send (a lone surrogate, a control character) is left out too.
 * A value that fails is left out (treated as absent: a completed dial without a valid
 * DialCallDuration counts 0 talk seconds) and reported by name, never by value, since a
 * garbage value may hold a phone number. A missing or malformed CallSid is refused (400).
 */
export function cleanTwilioParams(body: unknown): {
  params: Record<string, string>;
  problems: ParamProblem[];
} {
  const params: Record<string, string> = {};
  const problems: ParamProblem[] = [];
  const source = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  for (const [param, value] of Object.entries(source)) {
    if (typeof value !== 'string') {
      problems.push({ param, problem: 'not a single text value' });
      continue;
    }
    const problem = textProblem(value) ?? textProblem(param);
    if (problem) {
      problems.push({ param: textProblem(param) ? '(unreadable name)' : param, problem });
      continue;
    }
    if ((TWILIO_COUNTS as readonly string[]).includes(param)) {
      if (!COUNT.test(value) || Number(value) > MAX_TWILIO_COUNT) {
        problems.push({ param, problem: `not a whole number from 0 to ${MAX_TWILIO_COUNT}` });
        continue;
      }
    } else if (param === 'Digits' && !DIGITS.test(value)) {
      problems.push({ param, problem: 'not keys of a phone (0-9, *, #)' });
      continue;
    } else if (param.endsWith('Sid') && !SID.test(value)) {
      problems.push({ param, problem: 'not a Twilio id' });
      continue;
    }
    params[param] = value;
  }
  if (!SID.test(params.CallSid ?? ''))
    throw new BadRequestException('CallSid is missing or is not a Twilio call id.');
  return { params, problems };
}

/** Cleans the body of every Twilio voice webhook (cleanTwilioParams); warns of what it left out. */
@Injectable()
export class TwilioParamsPipe implements PipeTransform {
  private readonly logger = new Logger('TwilioParams');

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const { params, problems } = cleanTwilioParams(value);
    for (const { param, problem } of problems)
      this.logger.warn({ param, problem }, 'Twilio parameter ignored');
    return params;
  }
}
