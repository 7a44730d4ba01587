import { ManualClock } from '@hotline/clock';
import { ROUTINE_CONTACT } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';

type Unit = { id: string; parentId: string | null; name: string; hotlines: { id: string }[] };
type BreakdownRow = {
  unitId: string;
  name: string;
  own: boolean;
  consultations: number | null;
  byChannel: { channel: string; count: number | null }[];
};

/** No row or column of the breakdown has exactly one hidden cell: none can be recovered. */
function expectNoLoneHiddenCell(rows: BreakdownRow[]) {
  const table = rows.map((row) => [...row.byChannel.map((cell) => cell.count), row.consultations]);
  for (const line of table) expect(line.filter((cell) => cell === null)).not.toHaveLength(1);
  for (let column = 0; column < table[0].length; column += 1)
    expect(table.filter((line) => line[column] === null)).not.toHaveLength(1);
}

describe('levels of organisation', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let hotline: RunningHotline;
  let admin: string;
  let top: Unit;
  const units: Record<string, string> = {};
  const lines: Record<string, string> = {};
  let cityCoordinator: Person;
  let provinceCoordinator: Person;
  let schoolVolunteer: Person;

  const unitsSeenBy = async (token: string) =>
    (await hotline.as(token).get('/api/units').expect(200)).body as Unit[];

  async function addUnit(key: string, parentId: string, kind: string) {
    const created = await hotline
      .as(admin)
      .post('/api/units')
      .send({ name: key, kind, parentId })
      .expect(201);
    units[key] = created.body.id;
  }

  async function addLine(key: string, unit: string) {
    const created = await hotline.as(admin).post('/api/hotlines').send({ name: key }).expect(201);
    lines[key] = created.body.id;
    await hotline.as(admin).put(`/api/units/${units[unit]}/hotlines/${lines[key]}`).expect(200);
  }

  async function record(line: string, channel: string, occurredAt: string, times: number) {
    for (let made = 0; made < times; made += 1)
      await hotline
        .as(admin)
        .post('/api/contacts')
        .send({ ...ROUTINE_CONTACT, hotlineId: lines[line], channel, occurredAt })
        .expect(201);
  }

  beforeAll(async () => {
    hotline = await startHotline({ STATS_SMALL_CELL: '3' }, undefined, { clock });
    admin = await hotline.signIn();
    [top] = await unitsSeenBy(admin);
    await addUnit('City A', top.id, 'city');
    await addUnit('City B', top.id, 'city');
    await addUnit('County A1', units['City A'], 'county');
    await addUnit('School S1', units['County A1'], 'school');
    await addLine('Line A', 'City A');
    await addLine('Line S1', 'School S1');
    await addLine('Line B', 'City B');
    await record('Line S1', 'online', '2026-11-10T19:00', 2);
    await record('Line A', 'online', '2026-11-11T19:00', 10);
    await record('Line B', 'face_to_face', '2026-11-12T19:00', 7);
    await record('Line B', 'face_to_face', '2026-10-12T19:00', 4);
    await record('Line A', 'online', '2025-11-12T19:00', 5);

    // Each works at a line of their own level; the unit role reaches the rest.
    cityCoordinator = await addPerson(hotline, { hotlineIds: [lines['Line A']] });
    provinceCoordinator = await addPerson(hotline, { hotlineIds: [top.hotlines[0].id] });
    schoolVolunteer = await addPerson(hotline, { hotlineIds: [lines['Line S1']] });
    const grant = (person: Person, unit: string) =>
      hotline
        .as(admin)
        .post(`/api/units/${unit}/roles`)
        .send({ volunteerId: person.id, role: 'coordinator' })
        .expect(201);
    await grant(cityCoordinator, units['City A']);
    await grant(provinceCoordinator, top.id);
  });
  afterAll(() => hotline.stop());

  it('starts with one top unit holding the hotline every installation already had', async () => {
    const fresh = await startHotline();
    try {
      const seen = await fresh
        .as(await fresh.signIn())
        .get('/api/units')
        .expect(200);
      const [only, ...others] = seen.body as Unit[];
      expect(others).toEqual([]);
      expect(only.parentId).toBeNull();
      expect(only.hotlines).toHaveLength(1);
    } finally {
      await fresh.stop();
    }
  });

  it("lets a city coordinator act on the city's hotlines and nothing of a sibling city", async () => {
    const as = hotline.as(cityCoordinator.token);
    const seen = (await as.get('/api/hotlines').expect(200)).body.map((h: { id: string }) => h.id);
    expect(seen.sort()).toEqual([lines['Line A'], lines['Line S1']].sort());
    await as.get(`/api/hotlines/${lines['Line S1']}`).expect(200);
    await as.get(`/api/hotlines/${lines['Line B']}`).expect(404);
    const school = await as
      .get(`/api/stats/monthly?month=2026-11&hotlineId=${lines['Line S1']}`)
      .expect(200);
    expect(school.body.consultations.total).toBe(2);
    await as.get(`/api/stats/monthly?month=2026-11&hotlineId=${lines['Line B']}`).expect(404);
    await as.get(`/api/units/${units['City B']}/stats/monthly?month=2026-11`).expect(404);
    await as.get(`/api/units/${top.id}/stats/monthly?month=2026-11`).expect(404);
    expect((await unitsSeenBy(cityCoordinator.token)).map((unit) => unit.name).sort()).toEqual([
      'City A',
      'County A1',
      'School S1',
    ]);
    // The volunteers of the city's school, not those of City B.
    const people = (await as.get('/api/volunteers').expect(200)).body.items.map(
      (person: { id: string }) => person.id,
    );
    expect(people).toContain(schoolVolunteer.id);
    // Structure stays with admins.
    await as
      .post('/api/units')
      .send({ name: 'Mine', kind: 'school', parentId: units['City A'] })
      .expect(403);
  });

  it('keeps the per-hotline memberships working beside the unit roles', async () => {
    const as = hotline.as(schoolVolunteer.token);
    await as.get(`/api/hotlines/${lines['Line S1']}`).expect(200);
    await as.get(`/api/hotlines/${lines['Line A']}`).expect(404);
  });

  it("sums a province's subtree, with each city's part, and compares with before", async () => {
    const report = (
      await hotline
        .as(provinceCoordinator.token)
        .get(`/api/units/${top.id}/stats/monthly?month=2026-11`)
        .expect(200)
    ).body;
    expect(report.consultations.total).toBe(19);
    const byName = Object.fromEntries(
      report.breakdown.rows.map((row: BreakdownRow) => [row.name, row.consultations]),
    );
    expect(byName).toMatchObject({ 'City A': 12, 'City B': 7 });
    const parts = report.breakdown.rows.map((row: BreakdownRow) => row.consultations ?? 0);
    expect(parts.reduce((sum: number, n: number) => sum + n, 0)).toBe(report.consultations.total);
    expect(report.comparisons.previous).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      consultations: 4,
      change: 375,
    });
    expect(report.comparisons.yearBefore).toMatchObject({
      from: '2025-11-01',
      consultations: 5,
      change: 280,
    });
    // A city's own report equals its row in the province's.
    const city = (
      await hotline
        .as(cityCoordinator.token)
        .get(`/api/units/${units['City A']}/stats/monthly?month=2026-11`)
        .expect(200)
    ).body;
    expect(city.consultations.total).toBe(12);
    const yearly = (
      await hotline
        .as(provinceCoordinator.token)
        .get(`/api/units/${top.id}/stats/yearly?year=2026`)
        .expect(200)
    ).body;
    expect(yearly.consultations.total).toBe(23);
    const range = await hotline
      .as(provinceCoordinator.token)
      .get(`/api/units/${top.id}/stats/range?from=2026-11-10&to=2026-11-11`)
      .expect(200);
    expect(range.body.consultations.total).toBe(12);
    // The two days before, and the same two days a year before (Line A's were on the 12th).
    expect(range.body.comparisons.previous).toMatchObject({ from: '2026-11-08', to: '2026-11-09' });
    expect(range.body.comparisons.yearBefore.consultations).toBe(0);
    await hotline
      .as(provinceCoordinator.token)
      .get(`/api/units/${top.id}/stats/range?from=2026-11-11&to=2026-11-10`)
      .expect(400);
    await hotline
      .as(provinceCoordinator.token)
      .get(`/api/units/${top.id}/stats/monthly?month=2026-13`)
      .expect(400);
  });

  it("hides a small school's figure and the figures it could be worked back from", async () => {
    const city = (
      await hotline
        .as(cityCoordinator.token)
        .get(`/api/units/${units['City A']}/stats/monthly?month=2026-11`)
        .expect(200)
    ).body;
    const county = city.breakdown.rows.find((row: BreakdownRow) => row.name === 'County A1');
    const own = city.breakdown.rows.find((row: BreakdownRow) => row.own);
    expect(county.consultations).toBeNull();
    expect(
      county.byChannel.find((cell: { channel: string }) => cell.channel === 'online').count,
    ).toBeNull();
    // 12 published for the city, so City A's own 10 must go too.
    expect(own.consultations).toBeNull();
    expectNoLoneHiddenCell(city.breakdown.rows);
    expect(city.consultations.total).toBe(12);
  });

  it('moves a hotline, and who may act on it follows at once', async () => {
    await hotline
      .as(admin)
      .put(`/api/units/${units['City B']}/hotlines/${lines['Line S1']}`)
      .expect(200);
    await hotline.as(cityCoordinator.token).get(`/api/hotlines/${lines['Line S1']}`).expect(404);
    await hotline
      .as(admin)
      .put(`/api/units/${units['School S1']}/hotlines/${lines['Line S1']}`)
      .expect(200);
    await hotline.as(cityCoordinator.token).get(`/api/hotlines/${lines['Line S1']}`).expect(200);
  });

  it('refuses a tree with a cycle, and unknown units', async () => {
    const refused = await hotline
      .as(admin)
      .patch(`/api/units/${units['City A']}`)
      .send({ parentId: units['School S1'] })
      .expect(400);
    expect(refused.body.message).toMatch(/under itself/);
    await hotline
      .as(admin)
      .post('/api/units')
      .send({ name: 'x', kind: 'school', parentId: '3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11' })
      .expect(404);
    await hotline
      .as(admin)
      .post('/api/units')
      .send({ name: 'x', kind: 'castle', parentId: top.id })
      .expect(400);
  });

  it('imports history into the unit or hotline each row names, and it rolls up', async () => {
    const csv = [
      'date and time,channel,primary topic,unit',
      '2025-03-01 19:00,online,learning.exam_stress,School S1',
      '2025-03-02 19:00,online,learning.exam_stress,Line B',
      '2025-03-03 19:00,online,learning.exam_stress,Atlantis High',
    ].join('\n');
    const send = (mode: string, token: string, body = csv) =>
      hotline
        .as(token)
        .post('/api/imports')
        .field('mode', mode)
        .attach('file', Buffer.from(body), 'history.csv');
    const dry = (await send('dry-run', admin).expect(200)).body;
    expect(dry.problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'unit',
        message: expect.stringMatching(/Atlantis/),
      }),
    ]);
    const fine = csv.split('\n').slice(0, 3).join('\n');
    // A city coordinator cannot import into another city's hotline.
    const refused = (await send('dry-run', cityCoordinator.token, fine).expect(200)).body;
    expect(refused.problems).toEqual([expect.objectContaining({ row: 3, column: 'unit' })]);
    await send('commit', admin, fine).expect(200);
    const march = (
      await hotline
        .as(provinceCoordinator.token)
        .get(`/api/units/${top.id}/stats/monthly?month=2025-03`)
        .expect(200)
    ).body;
    expect(march.consultations.total).toBe(2);
  });

  it('gives a crisis overview per child unit, with counts only', async () => {
    const overview = (
      await hotline.as(provinceCoordinator.token).get(`/api/units/${top.id}/crisis`).expect(200)
    ).body;
    expect(overview.rows.map((row: { name: string }) => row.name)).toEqual(
      expect.arrayContaining(['City A', 'City B']),
    );
    expect(Object.keys(overview.rows[0]).sort()).toEqual(
      ['name', 'openCases', 'overdueReports', 'own', 'unitId'].sort(),
    );
    await hotline.as(cityCoordinator.token).get(`/api/units/${top.id}/crisis`).expect(404);
  });
});
