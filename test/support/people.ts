import { RunningHotline, bearer } from './hotline-server';

let counter = 0;

/**
 * A phone number of one's own: without one (and without a registered browser softphone) a
 * volunteer's calls cannot ring anywhere, and a call they accept goes straight back in line.
 */
export const ownPhone = (): string =>
  `+86138${String(process.pid % 1000).padStart(3, '0')}${String((counter += 1) % 100000).padStart(5, '0')}`;

export interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** Adds someone through the API as the given actor (admin by default) and signs them in. */
export async function addPerson(
  hotline: RunningHotline,
  fields: Record<string, unknown> = {},
  actorToken?: string,
): Promise<Person> {
  counter += 1;
  const password = `password-${counter}-long`;
  const body = {
    name: `Person ${counter}`,
    email: `person${counter}-${Date.now()}@hotline.test`,
    password,
    expertKind: 'counsellor',
    roles: ['volunteer'],
    ...fields,
  };
  const response = await hotline
    .http()
    .post('/api/volunteers')
    .set(bearer(actorToken ?? (await hotline.signIn())))
    .send(body);
  if (response.status !== 201)
    throw new Error(`could not add ${body.email}: ${response.status} ${response.text}`);
  return {
    id: response.body.id,
    email: body.email,
    password,
    token: await hotline.signIn(body.email, password),
  };
}
