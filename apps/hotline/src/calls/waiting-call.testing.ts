import { waitingCallRow } from '../../../../test/support/rows';
import type { ServiceTest } from '../../../../test/support/service-module';
import { Call } from './call.entity';

/** For service specs: a call that has just queued (the columns left out are empty), not yet saved. */
export function queuedCall(
  test: ServiceTest,
  hotlineId: string,
  changes: Partial<Call> = {},
): Call {
  return test
    .repository(Call)
    .create(waitingCallRow(test.clock.now().toJSDate(), { hotlineId, ...changes }));
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
