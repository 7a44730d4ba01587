import type { Call } from './call.entity';

/**
 * The statuses of a call at Twilio (its Call resource): on its way or live, or ended. An
 * inbound caller holding in a queue or talking is `in-progress`.
 */
export const TWILIO_LIVE_STATUSES = ['queued', 'ringing', 'in-progress'] as const;
export const TWILIO_ENDED_STATUSES = [
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;

/** Twilio has ended the call: nobody is on the line any more. */
export const endedAtTwilio = (status: string): boolean =>
  (TWILIO_ENDED_STATUSES as readonly string[]).includes(status);

/**
 * A caller recorded as waiting whose hold loop Twilio has not fetched for this long is checked
 * at Twilio by the sweep. The hold document lasts about 25 s (the news, 20 s of pause, the
 * message offer), so a live caller is heard at least twice in that time.
 */
export const SILENT_WAIT_SECONDS = 60;

/** The volunteer's leg answered: the screen's key was pressed, or the dial reported a bridge. */
export const legAnswered = (call: Pick<Call, 'status' | 'answeredAt'>): boolean =>
  call.status === 'talking' || call.answeredAt !== null;

/** The record says the call is over: nothing may put it back in a queue. */
export const recordEnded = (call: Pick<Call, 'status' | 'outcome'>): boolean =>
  call.status === 'ended' || call.outcome !== null;

/**
 * What to do with a call whose connecting deadline passed:
 * - `settle`: the caller is gone (at Twilio, or the record ended it): the hang-up the engine
 *   missed, answered only if the volunteer's leg answered;
 * - `answered`: the volunteer's leg answered and the caller is on the line;
 * - `leave`: the caller is on the line and the dial to the volunteer is under way;
 * - `requeue`: the caller is on the line but never reached the dial (the move failed, or its
 *   webhook was lost): back to their place, the volunteer freed;
 * - `retry`: Twilio could not be asked; the engine's next deadline asks again.
 */
export type ConnectVerdict = 'settle' | 'answered' | 'leave' | 'requeue' | 'retry';

export function connectVerdict(
  record: Pick<Call, 'status' | 'outcome' | 'answeredAt' | 'dialStartedAt'> | null,
  twilioStatus: string | undefined,
): ConnectVerdict {
  if (!record || recordEnded(record)) return 'settle';
  if (twilioStatus === undefined) return 'retry';
  if (endedAtTwilio(twilioStatus)) return 'settle';
  if (legAnswered(record)) return 'answered';
  return record.dialStartedAt ? 'leave' : 'requeue';
}

/**
 * Whether the sweep should ask Twilio about a caller recorded as waiting: none of its hold
 * requests for `SILENT_WAIT_SECONDS` (or, never heard, since it queued).
 */
export function silentSince(
  call: Pick<Call, 'heardAt' | 'queuedAt' | 'updatedAt' | 'status' | 'outcome'>,
  now: number,
): boolean {
  if (recordEnded(call) || (call.status !== 'waiting' && call.status !== 'offered')) return false;
  const lastHeard = call.heardAt ?? call.queuedAt ?? call.updatedAt;
  return now - lastHeard.getTime() >= SILENT_WAIT_SECONDS * 1000;
}
