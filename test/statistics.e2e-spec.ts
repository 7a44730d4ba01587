import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '@hotline/clock';
import { Contact, ContactTopic } from '../apps/hotline/src/contacts/contact.entity';
import { Transactions } from '../apps/hotline/src/database/transactions';
import { StatsRebuildService } from '../apps/hotline/src/statistics/stats-rebuild.service';
import { Offer, ROUTINE_CONTACT, duty, onBreak } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

type Row = { key: string; count: number; share: number };
const rowsOf = (block: { rows: Row[] }) =>
  Object.fromEntries(block.rows.map((row) => [row.key, [row.count, row.share]]));

describe('statistics', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let hotlineId: string;
  let coordinator: Person;
  let volunteer: Person;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, hotlineId } = centre);
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
  });
  afterAll(() => centre.stop());

  const monthly = (month: string, token = coordinator.token) =>
    hotline.as(token).get(`/api/stats/monthly?month=${month}`);

  /** A pupil's call about an emotional problem, answered after `waitSeconds` in the queue. */
  async function answered(waitSeconds: number) {
    // On a break, the volunteer keeps the line open: the caller queues rather than being
    // offered a message.
    await onBreak(hotline, volunteer);
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    clock.advance({ seconds: waitSeconds });
    await duty(hotline, volunteer).available();
    const offer: Offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    await call.answered(offer.callId, () => clock.advance({ seconds: 600 }));
    await call.hangUp();
    clock.advance({ seconds: 30 });
    await duty(hotline, volunteer).wrapUp(offer.callId).expect(200);
    await hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'offline' });
  }

  it('works out service levels from the calls of the evening, and counts them as contacts', async () => {
    await answered(5);
    await answered(15);
    await answered(30);
    // One caller gives up after 40 seconds in the queue.
    await onBreak(hotline, volunteer);
    const impatient = new PhoneCall(hotline.baseUrl);
    await impatient.dial();
    await impatient.choose('1', '1');
    clock.advance({ seconds: 40 });
    await impatient.hangUp();

    const report = (await monthly('2026-11').expect(200)).body;
    expect(report.period).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'Asia/Shanghai',
    });
    expect(report.calls).toMatchObject({
      offered: 4,
      answered: 3,
      abandoned: 1,
      abandonmentRate: 25,
      // Answered within 20 s: 2 of the 4 calls that left the queue.
      serviceLevel: { thresholdSeconds: 20, answeredInTime: 2, percent: 50 },
      averageWaitSeconds: 23, // (5 + 15 + 30 + 40) / 4 = 22.5
      longestWaitSeconds: 40,
      averageTalkSeconds: 600,
      averageWrapUpSeconds: 30,
      byHour: [{ hour: '19', count: 4 }],
    });
    const stricter = await hotline
      .as(coordinator.token)
      .get('/api/stats/monthly?month=2026-11&serviceLevelSeconds=10')
      .expect(200);
    expect(stricter.body.calls.serviceLevel).toMatchObject({ answeredInTime: 1, percent: 25 });
    expect(report.consultations.total).toBe(3);
    expect(rowsOf(report.consultations.byChannel)).toEqual({ phone: [3, 100] });
    expect(report.volunteers).toEqual([
      expect.objectContaining({ volunteerId: volunteer.id, callsAnswered: 3 }),
    ]);
    expect(report.trend).toHaveLength(12);
    expect(report.trend[11]).toEqual({
      month: '2026-11',
      consultations: 3,
      offered: 4,
      answered: 3,
      abandonmentRate: 25,
      serviceLevel: 50,
    });
    expect(stricter.body.trend[11].serviceLevel).toBe(25);
  });

  it('counts a consultation in the month of the hotline’s zone, whatever UTC says', async () => {
    const record = (occurredAt: string) =>
      hotline
        .as(volunteer.token)
        .post('/api/contacts')
        .send({ ...ROUTINE_CONTACT, channel: 'online', occurredAt })
        .expect(201);
    await record('2026-10-31T23:30'); // 15:30 UTC on the 31st
    await record('2026-11-01T00:30'); // 16:30 UTC on 31 October
    const october = (await monthly('2026-10').expect(200)).body;
    const november = (await monthly('2026-11').expect(200)).body;
    expect(october.consultations.total).toBe(1);
    expect(november.consultations.total).toBe(4);
    expect(rowsOf(november.consultations.byChannel)).toEqual({ phone: [3, 75], online: [1, 25] });
  });

  it('keeps the rollups equal to a rebuild from the raw records, through corrections too', async () => {
    const created = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({ ...ROUTINE_CONTACT, channel: 'face_to_face', occurredAt: '2026-11-20T19:00' })
      .expect(201);
    await hotline
      .as(volunteer.token)
      .patch(`/api/contacts/${created.body.contact.id}`)
      .send({
        primaryTopic: 'learning.exam_stress',
        otherTopics: ['parent_child'],
        riskLevel: 'medium',
      })
      .expect(200);

    const cells = async () =>
      (
        await hotline.database.query<Record<string, unknown>>(
          'SELECT day AS period, metric, bucket, count, total, peak FROM stats_day WHERE count <> 0 ' +
            'UNION ALL SELECT month, metric, bucket, count, total, peak FROM stats_month WHERE count <> 0 ' +
            'ORDER BY period, metric, bucket',
        )
      ).map(
        (row) => `${row.period} ${row.metric} ${row.bucket} ${row.count} ${row.total} ${row.peak}`,
      );
    const live = await cells();
    expect(live.length).toBeGreaterThan(20);
    expect(live.filter((cell) => cell.startsWith('2026-11 contacts '))).toEqual([
      expect.stringMatching(/^2026-11 contacts {2}\d+ 0 0$/),
    ]);
    await hotline.app.get(StatsRebuildService).rebuildAll();
    expect(await cells()).toEqual(live);

    const report = (await monthly('2026-11').expect(200)).body;
    expect(rowsOf(report.consultations.byPrimaryTopicGroup)).toEqual({
      emotional: [4, 80],
      learning: [1, 20],
    });
    expect(rowsOf(report.consultations.byAnyTopicGroup)).toMatchObject({
      parent_child: [1, expect.any(Number)],
    });
  });

  it('rebuilds month by month, each in its own transaction, and empties a month left without records', async () => {
    // Cells of a month that has no contacts or calls (left by an earlier bug, say).
    const dataSource = hotline.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO stats_day (hotline_id, day, metric, bucket, count, total, peak) VALUES ('${hotlineId}', '2024-03-05', 'contacts', '', 7, 0, 0)`,
    );
    await dataSource.query(
      `INSERT INTO stats_month (hotline_id, month, metric, bucket, count, total, peak) VALUES ('${hotlineId}', '2024-03', 'contacts', '', 7, 0, 0)`,
    );
    const transactions = hotline.app.get(Transactions);
    const run = jest.spyOn(transactions, 'run');
    try {
      const [done] = await hotline.app.get(StatsRebuildService).rebuildAll();
      // October and November 2026 have records; March 2024 is emptied.
      expect(done).toMatchObject({ hotlineId, months: 3 });
      expect(run).toHaveBeenCalledTimes(3);
    } finally {
      run.mockRestore();
    }
    const left = await hotline.database.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM stats_day WHERE day LIKE '2024-03%' UNION ALL SELECT COUNT(*) FROM stats_month WHERE month = '2024-03'`,
    );
    expect(left.map((row) => Number(row.n))).toEqual([0, 0]);
    expect((await monthly('2026-11').expect(200)).body.consultations.total).toBe(5);
  });

  it('gives a year shaped like the reference year exactly its published counts and shares', async () => {
    // 2,155 consultations in 2025: phone 1,259, face-to-face 638, online 258; primary topics
    // emotional 810, learning 547, parent-child 483, the rest 315.
    const channels = [
      ...Array<string>(1259).fill('phone'),
      ...Array<string>(638).fill('face_to_face'),
      ...Array<string>(258).fill('online'),
    ];
    const topics = [
      ...Array<string>(810).fill('emotional.low_mood'),
      ...Array<string>(547).fill('learning.exam_stress'),
      ...Array<string>(483).fill('parent_child'),
      ...Array<string>(120).fill('peer_relations'),
      ...Array<string>(110).fill('behaviour'),
      ...Array<string>(85).fill('other'),
    ];
    const dataSource = hotline.app.get(DataSource);
    const start = Date.parse('2025-01-01T10:00:00Z');
    const day = 24 * 3600_000;
    const contacts = channels.map((channel, index) => ({
      id: randomUUID(),
      hotlineId,
      channel,
      callId: null,
      volunteerId: volunteer.id,
      recordedBy: volunteer.id,
      occurredAt: new Date(start + (index % 365) * day),
      durationMinutes: null,
      callerType: index % 3 === 0 ? 'parent' : 'pupil',
      ageBand: '12_14',
      grade: null,
      gender: index % 2 === 0 ? 'female' : 'male',
      district: null,
      primaryTopic: topics[(index * 7) % topics.length],
      riskLevel: 'low',
      outcome: 'advice_given',
      notesEncrypted: null,
      notesClearedAt: null,
      callerHash: null,
      wrapUpSeconds: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    for (let at = 0; at < contacts.length; at += 200) {
      const batch = contacts.slice(at, at + 200);
      await dataSource.getRepository(Contact).insert(batch as Contact[]);
      await dataSource.getRepository(ContactTopic).insert(
        batch.map((contact) => ({
          contactId: contact.id,
          topicKey: contact.primaryTopic,
          isPrimary: true,
        })),
      );
    }
    await hotline.app.get(StatsRebuildService).rebuildAll();

    const year = (
      await hotline.as(coordinator.token).get('/api/stats/yearly?year=2025').expect(200)
    ).body;
    expect(year.consultations.total).toBe(2155);
    expect(rowsOf(year.consultations.byChannel)).toEqual({
      phone: [1259, 58.4],
      face_to_face: [638, 29.6],
      online: [258, 12.0],
    });
    const groups = rowsOf(year.consultations.byPrimaryTopicGroup);
    expect(groups).toMatchObject({
      emotional: [810, 37.6],
      learning: [547, 25.4],
      parent_child: [483, 22.4],
    });
    const shares = year.consultations.byPrimaryTopicGroup.rows.map((row: Row) => row.share);
    expect(Math.round(shares.reduce((sum: number, share: number) => sum + share, 0) * 10)).toBe(
      1000,
    );
    expect(
      year.trend
        .map((month: { consultations: number }) => month.consultations)
        .reduce((a: number, b: number) => a + b),
    ).toBe(2155);
  });

  it('exports CSV that a spreadsheet opens in Chinese, with small counts hidden', async () => {
    const csv = await hotline
      .as(coordinator.token)
      .get('/api/stats/monthly?month=2026-11')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="hotline-statistics-2026-11-01-2026-11-30.csv"/,
    );
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('section,item,label_zh,label_en,count,share_percent');
    expect(lines).toContain('channel,phone,电话,Phone,3,60');
    // One face-to-face consultation: too few to show.
    expect(lines).toContain('channel,face_to_face,面询,Face-to-face,< 3,');
    expect(lines).toContain('calls,abandonment_rate,放弃率,Abandonment rate,,25');
    expect(body.toString('utf8')).not.toMatch(/\+86\d/);
    const viaQuery = await hotline
      .as(coordinator.token)
      .get('/api/stats/yearly?year=2025&format=csv')
      .expect(200);
    expect(viaQuery.text).toContain('channel,phone,电话,Phone,1259,58.4');
  });

  it('is for coordinators, supervisors and admins, and says what is wrong with a bad period', async () => {
    await monthly('2026-11', volunteer.token).expect(403);
    const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    await monthly('2026-11', supervisor.token).expect(200);
    expect((await monthly('2026-13').expect(400)).body.message).toEqual([
      'month must be YYYY-MM, like 2026-11',
    ]);
    const backwards = await hotline
      .as(coordinator.token)
      .get('/api/stats/range?from=2026-11-30&to=2026-11-01')
      .expect(400);
    expect(backwards.body.fields.to).toEqual(['to must be the same day as from or later']);
    const range = await hotline
      .as(coordinator.token)
      .get('/api/stats/range?from=2026-10-31&to=2026-11-01')
      .expect(200);
    expect(range.body.consultations.total).toBe(2);

    // A range over a whole month and parts of the months either side adds up the same.
    const total = async (path: string) =>
      (await hotline.as(coordinator.token).get(path).expect(200)).body.consultations
        .total as number;
    const parts = [
      await total('/api/stats/range?from=2026-10-31&to=2026-10-31'),
      await total('/api/stats/monthly?month=2026-11'),
      await total('/api/stats/range?from=2026-12-01&to=2026-12-02'),
    ];
    expect(parts[0]).toBeGreaterThan(0);
    expect(parts[1]).toBeGreaterThan(0);
    expect(await total('/api/stats/range?from=2026-10-31&to=2026-12-02')).toBe(
      parts[0] + parts[1] + parts[2],
    );
  });
});
