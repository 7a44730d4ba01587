import { RunningHotline } from './hotline-server';
import { Person } from './people';
import { duty } from './duty';
import { PhoneCall } from './twilio';

/**
 * A call from `from` (a fresh number by default) that the volunteer accepted and whose phone
 * picked up: the caller is talking to them. Gives the call, its offer and the dial's action
 * (Twilio reports the end of the talk there).
 */
export async function connectedCall(hotline: RunningHotline, volunteer: Person, from?: string) {
  await duty(hotline, volunteer).available();
  const call = new PhoneCall(hotline.baseUrl, from);
  await call.dial();
  await call.choose('1', '1');
  await call.hold();
  const offer = await duty(hotline, volunteer).offer();
  await duty(hotline, volunteer).accept(offer).expect(204);
  const dialAction = await call.pickUp(offer.callId);
  return { call, offer, dialAction };
}

/**
 * A pupil's call about an emotional problem that the volunteer answered, and the caller then
 * hung up: the volunteer is in wrap-up with the record to write. Gives the call and its offer.
 */
export async function answeredCall(hotline: RunningHotline, volunteer: Person) {
  await duty(hotline, volunteer).available();
  const call = new PhoneCall(hotline.baseUrl);
  await call.dial();
  await call.choose('1', '1');
  const offer = await duty(hotline, volunteer).offer();
  await duty(hotline, volunteer).accept(offer).expect(204);
  await call.answered(offer.callId);
  await call.hangUp();
  return { call, offer };
}
