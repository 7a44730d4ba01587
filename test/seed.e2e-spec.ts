import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuilt } from './support/built-server';
import { startHotline } from './support/hotline-server';
import { createTestDatabase } from './support/test-database';

describe('npm run seed:demo', () => {
  it('creates a demo hotline with people of every role, prints sign-ins that work, and can run again', async () => {
    const database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotline-data-')),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    try {
      const first = await runBuilt('apps/hotline/src/seed/demo.js', [], env);
      expect(first.code).toBe(0);
      const again = await runBuilt('apps/hotline/src/seed/demo.js', [], env);
      expect(again.code).toBe(0);
      const signInTable = (output: string) => output.slice(output.indexOf('Demo hotline'));
      expect(signInTable(again.stdout)).toBe(signInTable(first.stdout));

      const signIns = [
        ...first.stdout.matchAll(/^\s+(\S+)\s+\S+\s+(\S+@hotline\.demo)\s+(\S+)$/gm),
      ].map(([, roles, email, password]) => ({ roles, email, password }));
      expect(signIns.map((signIn) => signIn.roles)).toEqual(
        expect.arrayContaining(['admin', 'coordinator', 'supervisor+volunteer', 'volunteer']),
      );

      const hotline = await startHotline(env, database);
      try {
        for (const signIn of signIns) await hotline.signIn(signIn.email, signIn.password);
        const coordinator = signIns.find((signIn) => signIn.roles === 'coordinator')!;
        const token = await hotline.signIn(coordinator.email, coordinator.password);
        const list = await hotline.as(token).get('/api/volunteers?q=hotline.demo').expect(200);
        expect(list.body.total).toBe(signIns.length);
        const doctor = list.body.items.find(
          (item: { email: string }) => item.email === 'li@hotline.demo',
        );
        const detail = await hotline.as(token).get(`/api/volunteers/${doctor.id}`).expect(200);
        expect(detail.body).toMatchObject({
          phone: '+8613800000002',
          answerBy: 'phone',
          topicSkills: expect.arrayContaining(['clinical']),
        });
        // Four weeks of evenings in two shifts, planned once however often the seed runs.
        const today = DateTime.now().setZone('Asia/Shanghai').toISODate();
        const coverage = await hotline
          .as(token)
          .get(`/api/coverage?from=${today}&to=${today}`)
          .expect(200);
        expect(
          coverage.body.shifts.map((shift: { localStart: string }) => shift.localStart),
        ).toEqual(['18:00', '20:00']);
        // Running the seed twice still leaves three partner hospitals to refer crises to.
        const partners = await hotline.as(token).get('/api/partners').expect(200);
        expect(partners.body).toHaveLength(3);
        expect(
          partners.body.every((partner: { kind: string }) => partner.kind === 'hospital'),
        ).toBe(true);
      } finally {
        await hotline.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
