import { chatContributions } from './contributions';

const zone = 'Asia/Shanghai';
// 19:05 in Shanghai on 23 November.
const arrivedAt = new Date('2026-11-23T11:05:00Z');
const chat = (outcome: string | null, waitSeconds: number | null, talkSeconds: number | null) => ({
  arrivedAt,
  outcome,
  waitSeconds,
  talkSeconds,
  volunteerId: 'v1',
});
const metrics = (rows: { metric: string; bucket: string; total: number }[]) =>
  rows.map((row) => `${row.metric}:${row.bucket}:${row.total}`).sort();

describe('what a live chat counts', () => {
  it('counts nothing before its outcome', () => {
    expect(chatContributions(chat(null, null, null), zone)).toEqual([]);
  });

  it('counts an answered chat as offered, its wait, answer time and length', () => {
    expect(metrics(chatContributions(chat('answered', 42, 900), zone))).toEqual([
      'chat_answer_wait:42:0',
      'chat_answered_by:v1:0',
      'chat_hour:19:0',
      'chat_queued::0',
      'chat_talk::900',
      'chat_wait::42',
      'chats:answered:0',
    ]);
  });

  it('counts a writer who left while waiting as abandoned, with the wait, on the local day', () => {
    const rows = chatContributions(chat('abandoned', 70, null), zone);
    expect(metrics(rows)).toEqual([
      'chat_abandoned::0',
      'chat_hour:19:0',
      'chat_queued::0',
      'chat_wait::70',
      'chats:abandoned:0',
    ]);
    expect(new Set(rows.map((row) => row.day))).toEqual(new Set(['2026-11-23']));
  });

  it('counts a chat still waiting at closing as having left the queue unanswered', () => {
    expect(metrics(chatContributions(chat('closed', 600, null), zone))).toContain('chat_wait::600');
  });

  it('counts a chat a full queue refused as never queued', () => {
    expect(metrics(chatContributions(chat('queue_full', 0, null), zone))).toEqual([
      'chat_hour:19:0',
      'chats:queue_full:0',
    ]);
  });
});
