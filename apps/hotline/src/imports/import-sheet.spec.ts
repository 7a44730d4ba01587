import { readSheet, templateHeaders } from './import-sheet';

const TODAY = '2026-11-23';

describe('readSheet', () => {
  it('reads Chinese headers and names, and English ones, to the same record', () => {
    const zh = readSheet(
      [
        [
          '日期时间',
          '渠道',
          '来电者类型',
          '年龄段',
          '性别',
          '主要问题',
          '其他问题',
          '风险等级',
          '处理结果',
        ],
        [
          '2023-09-15 19:30',
          '电话',
          '学生',
          '12–14岁',
          '女',
          '焦虑与压力',
          '考试焦虑、亲子关系与家庭教育',
          '低',
          '已给予建议',
        ],
      ],
      'records',
      TODAY,
    );
    const en = readSheet(
      [
        templateHeaders('records', 'en').slice(0, 9),
        [
          '2023/9/15 19:30',
          'Phone',
          'pupil',
          '12-14',
          'Female',
          'emotional.anxiety_stress',
          'learning.exam_stress; parent_child',
          'low',
          'advice_given',
        ],
      ],
      'records',
      TODAY,
    );
    expect(zh.problems).toEqual([]);
    expect(en.problems).toEqual([]);
    expect(zh.records[0]).toEqual({ ...en.records[0] });
    expect(zh.records[0]).toMatchObject({
      row: 2,
      occurredAt: '2023-09-15T19:30',
      channel: 'phone',
      ageBand: '12_14',
      topics: ['emotional.anxiety_stress', 'learning.exam_stress', 'parent_child'],
    });
  });

  it('names the row and column of every problem, and skips empty rows', () => {
    const { records, problems } = readSheet(
      [
        ['date and time', 'channel', 'gender', 'colour'],
        ['2023-09-15 19:30', 'phone', 'female', ''],
        ['', '', '', ''],
        ['yesterday', 'pigeon', 'female', ''],
      ],
      'records',
      TODAY,
    );
    expect(records).toHaveLength(1);
    expect(problems.map(({ row, column }) => [row, column])).toEqual([
      [1, 'colour'],
      [4, 'channel'],
      [4, 'date and time'],
    ]);
  });

  it('refuses a tally counted twice and a month to come', () => {
    const { tallies, problems } = readSheet(
      [
        ['month', 'channel', 'topic', 'count'],
        ['2022-03', 'phone', 'learning', '12'],
        ['2022-03', '电话', '学习问题', '3'],
        ['2027-01', 'phone', '', '3'],
        ['2022-04', 'phone', '', 'many'],
      ],
      'tallies',
      TODAY,
    );
    expect(tallies).toEqual([
      { row: 2, month: '2022-03', channel: 'phone', topic: 'learning', count: 12, unit: null },
    ]);
    expect(problems.map((problem) => problem.row)).toEqual([3, 4, 5]);
  });
});
