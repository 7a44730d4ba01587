import ExcelJS from 'exceljs';
import { ManualClock } from '@hotline/clock';
import { StatsRebuildService } from '../apps/hotline/src/statistics/stats-rebuild.service';
import { RunningHotline, startHotline } from './support/hotline-server';

type Row = { key: string; count: number; share: number };
const rowsOf = (block: { rows: Row[] }) =>
  Object.fromEntries(block.rows.map((row) => [row.key, [row.count, row.share]]));

const HEADER =
  'date and time,channel,caller type,age band,gender,primary topic,other topics,risk level,outcome';

/** A year of a centre's register: 10 consultations of 2024, as its spreadsheet kept them. */
const YEAR_2024 = [
  HEADER,
  '2024-01-15 19:30,phone,pupil,12_14,female,emotional.anxiety_stress,learning.exam_stress,low,advice_given',
  '2024-02-03 20:00,Phone,Parent,15–17,Male,learning.exam_stress,,none,advice_given',
  '2024-03-10 18:15,online,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
  '2024-03-10 18:15,online,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
  '2024/4/2 9:05,face_to_face,teacher,15_17,female,parent_child,,medium,booked_face_to_face',
  '2024-05-20 19:00,phone,pupil,6_11,male,emotional.anxiety_stress,,low,advice_given',
  '2024-06-01 19:00,phone,pupil,12_14,male,learning.exam_stress,,low,advice_given',
  '2024-09-09 19:00,online,pupil,12_14,female,emotional.anxiety_stress,,high,referred_to_hospital',
  '2024-11-11 19:00,phone,pupil,12_14,female,parent_child,,low,advice_given',
  '2024-12-31 23:30,phone,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
].join('\n');

describe('importing earlier years', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let hotline: RunningHotline;
  let admin: string;

  const upload = (
    content: string | Buffer,
    fields: Record<string, string> = {},
    name = 'register.csv',
  ) => {
    const sent = hotline.as(admin).post('/api/imports');
    for (const [field, value] of Object.entries(fields)) sent.field(field, value);
    return sent.attach('file', Buffer.from(content), name);
  };
  const yearly = async (year: number) =>
    (await hotline.as(admin).get(`/api/stats/yearly?year=${year}`).expect(200)).body;

  beforeAll(async () => {
    hotline = await startHotline({}, undefined, { clock });
    admin = await hotline.signIn();
  });
  afterAll(() => hotline.stop());

  it('offers a template with Chinese or English headers', async () => {
    const zh = await hotline.as(admin).get('/api/imports/template').expect(200);
    expect(zh.headers['content-type']).toMatch(/text\/csv/);
    expect(zh.text).toContain('日期时间,渠道,来电者类型');
    const en = await hotline
      .as(admin)
      .get('/api/imports/template?kind=tallies&language=en')
      .expect(200);
    expect(en.text.replace('\uFEFF', '').trim()).toBe('month,channel,topic,count,unit');
  });

  it('tells every problem with its row and column in a dry run, and a commit adds nothing then', async () => {
    const broken = [
      HEADER,
      '2024-01-15 19:30,phone,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
      '15/01/2024,phone,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
      '2024-01-16 19:30,fax,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
      '2024-01-17 19:30,phone,pupil,12_14,female,astrology,,low,advice_given',
      '2027-01-17 19:30,phone,pupil,12_14,female,emotional.anxiety_stress,,low,advice_given',
    ].join('\n');
    const dry = (await upload(broken).expect(200)).body;
    expect(dry.committed).toBe(false);
    expect(dry.rows).toBe(5);
    expect(dry.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'date and time',
        message: expect.stringMatching(/2023-09-15 19:30/),
      }),
      expect.objectContaining({
        row: 4,
        column: 'channel',
        message: expect.stringMatching(/"fax" is not a channel/),
      }),
      expect.objectContaining({
        row: 5,
        column: 'primary topic',
        message: expect.stringMatching(/"astrology"/),
      }),
      expect.objectContaining({
        row: 6,
        column: 'date and time',
        message: expect.stringMatching(/future/),
      }),
    ]);
    expect(dry.added).toBe(1);
    const refused = await upload(broken, { mode: 'commit' }).expect(422);
    expect(refused.body.report.problemCount).toBe(4);
    expect((await yearly(2024)).consultations.total).toBe(0);

    const missing = (await upload('channel,count\nphone,3').expect(200)).body;
    expect(missing.problems[0]).toMatchObject({
      row: 1,
      message: expect.stringMatching(/日期时间/),
    });
    await upload(Buffer.from([0xff, 0xfe, 0x00, 0x41])).expect(400);
  });

  it('commits a year that reproduces its own totals and shares, and a second import adds nothing', async () => {
    const dry = (await upload(YEAR_2024).expect(200)).body;
    expect(dry).toMatchObject({
      problemCount: 0,
      added: 10,
      alreadyImported: 0,
      consultations: 10,
      from: '2024-01-15',
      to: '2024-12-31',
    });
    expect(dry.byYear).toEqual([{ key: '2024', consultations: 10 }]);
    expect((await yearly(2024)).consultations.total).toBe(0);

    const committed = (await upload(YEAR_2024, { mode: 'commit' }).expect(200)).body;
    expect(committed).toMatchObject({ committed: true, added: 10 });
    const report = await yearly(2024);
    expect(report.consultations.total).toBe(10);
    expect(rowsOf(report.consultations.byChannel)).toEqual({
      phone: [6, 60],
      online: [3, 30],
      face_to_face: [1, 10],
    });
    expect(rowsOf(report.consultations.byPrimaryTopic)).toEqual({
      'emotional.anxiety_stress': [6, 60],
      'learning.exam_stress': [2, 20],
      parent_child: [2, 20],
    });
    // 23:30 on New Year's Eve in Shanghai is 2024 there, whatever UTC says.
    expect((await yearly(2025)).consultations.total).toBe(0);
    // The trend shows the history as well.
    const december = (await hotline.as(admin).get('/api/stats/monthly?month=2024-12').expect(200))
      .body;
    expect(december.trend.map((month: { consultations: number }) => month.consultations)).toEqual([
      1, 1, 2, 1, 1, 1, 0, 0, 1, 0, 1, 1,
    ]);

    const again = (await upload(YEAR_2024, { mode: 'commit' }, 'register-copy.csv').expect(200))
      .body;
    expect(again).toMatchObject({ added: 0, alreadyImported: 10 });
    expect((await yearly(2024)).consultations.total).toBe(10);

    const trail = (await hotline.as(admin).get('/api/audit?subjectType=import_batch').expect(200))
      .body;
    expect(trail.map((event: { action: string }) => event.action)).toContain('contacts.imported');
    // Imported records carry no notes and no numbers.
    const [stored] = await hotline.database.query<{ imported: unknown; revealing: unknown }>(
      'SELECT COUNT(*) AS imported, SUM(CASE WHEN notes_encrypted IS NULL AND caller_hash IS NULL THEN 0 ELSE 1 END) AS revealing FROM contact',
    );
    expect(Number(stored.imported)).toBe(10);
    expect(Number(stored.revealing)).toBe(0);
  });

  it('reads an XLSX with Chinese headers and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2023');
    sheet.addRow([
      '日期时间',
      '渠道',
      '来电者类型',
      '年龄段',
      '性别',
      '主要问题',
      '风险等级',
      '处理结果',
    ]);
    // Excel keeps the time it shows: 19:30 on the day.
    sheet.addRow([
      new Date(Date.UTC(2023, 8, 15, 19, 30)),
      '电话',
      '学生',
      '12–14岁',
      '女',
      'emotional.anxiety_stress',
      '低',
      '已给予建议',
    ]);
    sheet.addRow([
      '2023-09-16 20:00',
      '网络',
      '家长',
      '15–17岁',
      '男',
      'learning.exam_stress',
      '无',
      '已给予建议',
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = (await upload(content, {}, '2023.xlsx').expect(200)).body;
    expect(dry).toMatchObject({ problemCount: 0, added: 2, from: '2023-09-15', to: '2023-09-16' });
    await upload(content, { mode: 'commit' }, '2023.xlsx').expect(200);
    const september = (await hotline.as(admin).get('/api/stats/monthly?month=2023-09').expect(200))
      .body;
    expect(rowsOf(september.consultations.byChannel)).toEqual({ phone: [1, 50], online: [1, 50] });
    expect(rowsOf(september.consultations.byCallerType)).toEqual({
      pupil: [1, 50],
      parent: [1, 50],
    });
  });

  it('counts tallies of centres that kept counts only, once', async () => {
    const tallies = [
      '月份,渠道,问题类别,人次',
      '2022-03,电话,emotional.anxiety_stress,40',
      '2022-03,面询,,7',
    ].join('\n');
    const dry = (await upload(tallies, { kind: 'tallies' }).expect(200)).body;
    expect(dry).toMatchObject({ problemCount: 0, added: 2, consultations: 47 });
    await upload(tallies, { kind: 'tallies', mode: 'commit' }).expect(200);
    await upload(tallies, { kind: 'tallies', mode: 'commit' }).expect(200);
    const march = (await hotline.as(admin).get('/api/stats/monthly?month=2022-03').expect(200))
      .body;
    expect(march.consultations.total).toBe(47);
    expect(rowsOf(march.consultations.byChannel)).toEqual({
      phone: [40, 85.1],
      face_to_face: [7, 14.9],
    });
    expect(march.consultations.notCategorised).toBe(7);

    // Rebuilding the statistics from the raw records keeps the tallies, which have none.
    await hotline.app.get(StatsRebuildService).rebuildAll();
    const rebuilt = (await hotline.as(admin).get('/api/stats/monthly?month=2022-03').expect(200))
      .body;
    expect(rebuilt.consultations).toEqual(march.consultations);
  });
});
