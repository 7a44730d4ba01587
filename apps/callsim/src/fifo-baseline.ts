import { Distribution, Random, draw } from './distributions';
import type { CallRecord, VolunteerSkills } from './metrics';
import type { ScenarioCall } from './profile';

export interface BaselineOptions {
  /** How long a volunteer takes to pick up a ringing call (the same distribution as the replay's). */
  think: Distribution;
  /** A caller still waiting after this long is offered a call-back (the hotline's maxWaitSeconds). */
  maxWaitSeconds: number;
  seed: number;
}

/**
 * The simplest contact-centre router, for comparison: calls are served strictly in arrival
 * order (no priority for crisis calls), and the call at the head of the queue rings every free
 * volunteer at once; whoever picks up first takes it (no skills, no fairness). A volunteer
 * who becomes free while it rings joins the ring. The next call rings only once the head
 * has been taken or has left.
 *
 * A discrete-event model over the same callers (arrival, patience, talk and wrap-up times)
 * as the replay; pick-up times are drawn from the same distribution with their own seed.
 */
export function simulateFifo(
  calls: readonly ScenarioCall[],
  volunteers: readonly VolunteerSkills[],
  options: BaselineOptions,
): CallRecord[] {
  const random = new Random(options.seed).fork('fifo-think');
  const freeAt = volunteers.map(() => 0);
  // The moment the previous caller left the head of the queue.
  let headFreeAt = 0;
  const records: CallRecord[] = [];
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    const giveUpAt = call.at + Math.min(call.patience, options.maxWaitSeconds);
    const ringFrom = Math.max(call.at, headFreeAt);
    let answeredAt = Infinity;
    let taker = -1;
    freeAt.forEach((free, volunteer) => {
      const pickUp = Math.max(ringFrom, free) + draw(options.think, random);
      if (pickUp < answeredAt) {
        answeredAt = pickUp;
        taker = volunteer;
      }
    });
    const base = { index: call.index, routingTopic: call.routingTopic, crisis: call.crisis };
    if (taker >= 0 && answeredAt <= giveUpAt) {
      freeAt[taker] = answeredAt + call.talk + call.wrapUp;
      headFreeAt = answeredAt;
      records.push({
        ...base,
        outcome: 'answered',
        waitSeconds: answeredAt - call.at,
        volunteerId: volunteers[taker].id,
      });
    } else {
      headFreeAt = Math.max(headFreeAt, giveUpAt);
      records.push({
        ...base,
        outcome: call.patience < options.maxWaitSeconds ? 'abandoned' : 'overflow',
        waitSeconds: giveUpAt - call.at,
      });
    }
  }
  return records.sort((a, b) => a.index - b.index);
}
