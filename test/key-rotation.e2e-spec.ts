import { DataSource } from 'typeorm';
import { FieldCipher } from '../apps/hotline/src/common/field-cipher';
import { dataSourceOptions } from '../apps/hotline/src/database/data-source-options';
import { rotateKeys } from '../apps/hotline/src/database/rekey';
import { RunningHotline, startHotline } from './support/hotline-server';
import { addPerson, ownPhone } from './support/people';
import { connectedCall } from './support/callers';
import { callRecord } from './support/duty';
import { PhoneCall, fakeTwilio } from './support/twilio';
import { TestDatabase, createTestDatabase } from './support/test-database';

const EVENING = { HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' };
const OLD_KEY = Buffer.alloc(32, 7).toString('base64');
const NEW_KEY = Buffer.alloc(32, 8).toString('base64');

/** `npm run data:rekey`'s steps, against the test's database. */
async function runRekey(database: TestDatabase): Promise<void> {
  const dataSource = await new DataSource(await dataSourceOptions(database.url)).initialize();
  const cipher = new FieldCipher(Buffer.from(NEW_KEY, 'base64'), [Buffer.from(OLD_KEY, 'base64')]);
  try {
    await rotateKeys(dataSource, cipher);
  } finally {
    await dataSource.destroy();
  }
}

describe('a data key rotation', () => {
  it('keeps a blocked caller blocked and their profile theirs once the rekey has run', async () => {
    const fake = await fakeTwilio();
    const database = await createTestDatabase();
    const env = { ...fake.env, ...EVENING };
    let hotline: RunningHotline | undefined;
    try {
      // Before the rotation: a caller is blocked and given guidance.
      hotline = await startHotline({ ...env, DATA_ENCRYPTION_KEY: OLD_KEY }, database);
      const volunteer = await addPerson(hotline, { phone: ownPhone(), topicSkills: ['emotional'] });
      const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
      const { call, offer } = await connectedCall(hotline, volunteer);
      const blocked = await hotline
        .as(supervisor.token)
        .post(`/api/calls/${offer.callId}/block`)
        .send({ reason: 'abusive' })
        .expect(200);
      const guidance = 'Ask about the school counsellor appointment.';
      await hotline
        .as(supervisor.token)
        .put(`/api/calls/${offer.callId}/caller`)
        .send({ flags: ['known_case'], guidance })
        .expect(200);
      await hotline.stop();
      hotline = undefined;

      // The new key in place, the old one still read: until the rekey, the number hashes anew.
      const rotated = {
        ...env,
        DATA_ENCRYPTION_KEY: NEW_KEY,
        DATA_ENCRYPTION_PREVIOUS_KEYS: OLD_KEY,
      };
      hotline = await startHotline(rotated, database);
      const before = new PhoneCall(hotline.baseUrl, call.from);
      await before.dial();
      expect(await callRecord(hotline, before.callSid)).toMatchObject({ refusal: null });
      await before.hangUp();
      await hotline.stop();
      hotline = undefined;

      await runRekey(database);
      hotline = await startHotline(rotated, database);
      const after = new PhoneCall(hotline.baseUrl, call.from);
      await after.dial();
      // Refused at the door (the short message and the danger key), not queued.
      expect(await callRecord(hotline, after.callSid)).toMatchObject({
        refusal: 'blocked',
        queued_at: null,
      });
      const signedIn = await hotline.signIn(supervisor.email, supervisor.password);
      const listed = await hotline.as(signedIn).get('/api/caller-blocks').expect(200);
      expect(listed.body.map((row: { id: string }) => row.id)).toEqual([blocked.body.id]);
      const { id: callId } = await callRecord(hotline, after.callSid);
      const profile = await hotline.as(signedIn).get(`/api/calls/${callId}/caller`).expect(200);
      expect(profile.body).toMatchObject({
        flags: ['known_case'],
        guidance,
        block: { id: blocked.body.id },
      });
    } finally {
      await hotline?.stop();
      await database.drop();
      await fake.fake.stop();
    }
  });
});
