import { randomUUID } from 'node:crypto';
import type { ServiceTest } from '../../../../test/support/service-module';
import { Call } from './call.entity';

/** For service specs: a call that has just queued (the columns left out are empty), not yet saved. */
export function queuedCall(
  test: ServiceTest,
  hotlineId: string,
  changes: Partial<Call> = {},
): Call {
  const now = test.clock.now().toJSDate();
  return test.repository(Call).create({
    id: randomUUID(),
    hotlineId,
    callSid: `CA${randomUUID()}`,
    callerType: 'pupil',
    topic: 'emotional',
    priority: 'normal',
    status: 'waiting',
    offerCount: 0,
    arrivedAt: now,
    queuedAt: now,
    updatedAt: now,
    training: false,
    ...changes,
  });
}

/** The same, saved. */
export async function waitingCall(
  test: ServiceTest,
  hotlineId: string,
  changes: Partial<Call> = {},
): Promise<Call> {
  const call = queuedCall(test, hotlineId, changes);
  await test.repository(Call).insert(call);
  return call;
}
