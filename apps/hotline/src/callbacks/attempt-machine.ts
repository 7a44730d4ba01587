import type { CallbackAttemptStatus, CallbackOutcome } from '@hotline/console-protocol';

/**
 * One attempt to call a caller back, as a state machine: pure, no I/O. The host (`Attempts`)
 * feeds it what Twilio reports and carries out the effects it returns.
 *
 * `ringing_volunteer`: the volunteer's own leg is placed (their browser, or their phone with a
 * "press 1" screen). `dialling`: they joined the attempt's conference and the caller's phone
 * rings, from the hotline's number. `talking`: a person (not a voicemail) picked up and joined.
 * `ended`: with one outcome, told once (`ended` effect): the volunteer is free of it then.
 */
export type AttemptStatus = CallbackAttemptStatus;

export type AttemptEvent =
  /** The volunteer's leg asks for its TwiML to join (a softphone at once, a phone after "1"). */
  | { type: 'volunteer_joined' }
  /** The volunteer's leg ended (its status callback, or Twilio refused to place it: `failed`). */
  | { type: 'volunteer_leg_ended'; status: string }
  /** Twilio refused to place the caller's leg (not the caller's doing: nobody was rung). */
  | { type: 'caller_not_rung' }
  /** The caller's phone picked up; `answeredBy` is Twilio's machine detection verdict. */
  | { type: 'caller_picked_up'; answeredBy?: string }
  /** The caller's leg ended (its status callback): `completed`, `busy`, `no-answer`, ... */
  | { type: 'caller_leg_ended'; status: string };

export type AttemptEffect =
  /** Ring the caller from the hotline's number into the attempt's conference. */
  | { type: 'dial_caller' }
  /** Stop the caller's phone ringing (the volunteer gave up first). */
  | { type: 'cancel_caller' }
  /** Hang up the caller's leg: nobody is with them any more. */
  | { type: 'hang_up_caller' }
  /** The volunteer's leg hears how it went, then hangs up. */
  | { type: 'release_volunteer' }
  /** The attempt is over: the volunteer is free of it, the request learns how it went. */
  | { type: 'ended'; outcome: CallbackOutcome };

/** What a webhook's TwiML does for the leg that asked. */
export type LegAnswer = 'join' | 'hang_up' | 'sorry' | 'over';

export interface AttemptStep {
  status: AttemptStatus;
  effects: AttemptEffect[];
  /** For `volunteer_joined` and `caller_picked_up`: what that leg is told to do. */
  answer?: LegAnswer;
}

/** Twilio's machine detection verdicts that are not a person: never speak to a voicemail. */
export const isMachine = (answeredBy: string | undefined): boolean =>
  answeredBy !== undefined && (answeredBy.startsWith('machine') || answeredBy === 'fax');

/**
 * An unanswered caller's leg, by Twilio's final status: `failed` means the number cannot be
 * reached (does not exist, out of service): a wrong number. Anything else rang and nobody came.
 */
export function unansweredOutcome(status: string): CallbackOutcome {
  if (status === 'busy') return 'busy';
  if (status === 'failed') return 'wrong_number';
  return 'no_answer';
}

/** The next state of an attempt in `status` after `event`, and what the host must do. */
export function decide(status: AttemptStatus, event: AttemptEvent): AttemptStep {
  const stay: AttemptStep = { status, effects: [] };
  const end = (outcome: CallbackOutcome, ...effects: AttemptEffect[]): AttemptStep => ({
    status: 'ended',
    effects: [...effects, { type: 'ended', outcome }],
  });
  switch (status) {
    case 'ringing_volunteer':
      switch (event.type) {
        case 'volunteer_joined':
          return { status: 'dialling', effects: [{ type: 'dial_caller' }], answer: 'join' };
        case 'volunteer_leg_ended':
          // Their phone did not answer, or no "1": the caller was never rung.
          return end('not_placed');
        default:
          return stay;
      }
    case 'dialling':
      switch (event.type) {
        case 'volunteer_joined':
          return { ...stay, answer: 'join' };
        case 'volunteer_leg_ended':
          return end('no_answer', { type: 'cancel_caller' });
        case 'caller_not_rung':
          return end('not_placed', { type: 'release_volunteer' });
        case 'caller_picked_up':
          if (isMachine(event.answeredBy))
            return {
              ...end('no_answer', { type: 'release_volunteer' }),
              answer: 'hang_up',
            };
          return { status: 'talking', effects: [], answer: 'join' };
        case 'caller_leg_ended': {
          const outcome = unansweredOutcome(event.status);
          return end(outcome, { type: 'release_volunteer' });
        }
      }
      return stay;
    case 'talking':
      switch (event.type) {
        case 'volunteer_joined':
        case 'caller_picked_up':
          return { ...stay, answer: 'join' };
        case 'volunteer_leg_ended':
          // The conference ends with the volunteer; should it not, the child is not left on a
          // silent line. The caller's leg ending then says the call is over.
          return { ...stay, effects: [{ type: 'hang_up_caller' }] };
        case 'caller_leg_ended':
          return end('reached', { type: 'release_volunteer' });
        default:
          return stay;
      }
    case 'ended':
      if (event.type === 'volunteer_joined') return { ...stay, answer: 'over' };
      if (event.type === 'caller_picked_up') return { ...stay, answer: 'sorry' };
      return stay;
  }
}

/** How long, in each state, before Twilio is asked where the attempt's leg is. */
export interface AttemptTimes {
  /** The volunteer's leg rings this long (then `no-answer`). */
  volunteerRingSeconds: number;
  /** The caller's phone rings this long; machine detection may add its own. */
  callerRingSeconds: number;
}

/** A slow webhook and Twilio's own retries fit in this. */
const MARGIN_SECONDS = 30;
/** A conversation, or a leg Twilio says is still live, is looked at again this often. */
export const RECHECK_SECONDS = 60;

/**
 * Seconds from entering `status` until the host asks Twilio, should no webhook have come:
 * every state of an attempt ends, even when a status callback is lost. Null once ended.
 */
export function checkAfter(status: AttemptStatus, times: AttemptTimes): number | null {
  switch (status) {
    case 'ringing_volunteer':
      return times.volunteerRingSeconds + MARGIN_SECONDS;
    case 'dialling':
      return times.callerRingSeconds + MARGIN_SECONDS;
    case 'talking':
      return RECHECK_SECONDS;
    case 'ended':
      return null;
  }
}

/** The leg whose end decides the attempt in this state: Twilio is asked about it at a check. */
export function legToCheck(status: AttemptStatus): 'volunteer' | 'caller' | null {
  if (status === 'ringing_volunteer') return 'volunteer';
  if (status === 'dialling' || status === 'talking') return 'caller';
  return null;
}
