import { RunningHotline } from './hotline-server';
import { Person } from './people';

/** Polls until `check` returns a value: the server routes calls on its own between requests. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Offer {
  offerId: string;
  callId: string;
  callerType: string | null;
  topic: string | null;
  priority: string;
  earlierContacts: number;
}

/** A routine consultation, as a volunteer records it at wrap-up. */
export const ROUTINE_CONTACT = {
  callerType: 'pupil',
  ageBand: '12_14',
  primaryTopic: 'emotional.anxiety_stress',
  riskLevel: 'low',
  outcome: 'advice_given',
} as const;

/** What a volunteer's console does, through the API. */
export const duty = (hotline: RunningHotline, person: Person) => ({
  available: () =>
    hotline.as(person.token).put('/api/me/presence').send({ state: 'available' }).expect(200),
  offer: () =>
    eventually<Offer>(async () => {
      const response = await hotline.as(person.token).get('/api/me/offer');
      return response.status === 200 ? response.body : undefined;
    }, `an offer to ${person.email}`),
  noOffer: async () => (await hotline.as(person.token).get('/api/me/offer')).status === 204,
  accept: (offer: Offer) => hotline.as(person.token).post(`/api/offers/${offer.offerId}/accept`),
  decline: (offer: Offer) => hotline.as(person.token).post(`/api/offers/${offer.offerId}/decline`),
  wrapUp: (callId: string, contact: object = ROUTINE_CONTACT) =>
    hotline.as(person.token).post(`/api/calls/${callId}/wrap-up`).send(contact),
});

export async function callRecord(
  hotline: RunningHotline,
  callSid: string,
): Promise<Record<string, unknown>> {
  const [row] = await hotline.database.query<Record<string, unknown>>(
    'SELECT * FROM phone_call WHERE call_sid = ?',
    [callSid],
  );
  return row;
}

/**
 * Someone on duty who answers no call: on a break. With them a caller queues and holds, as on
 * an evening when everyone is busy; with nobody on duty at all a caller is offered a message
 * or a call-back instead of the queue.
 */
export async function onBreak(hotline: RunningHotline, person: Person): Promise<void> {
  await hotline.as(person.token).put('/api/me/presence').send({ state: 'break' }).expect(200);
}
