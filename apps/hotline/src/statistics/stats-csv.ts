import type { Block, StatsReport } from './dto/stats.dto';

/** Excel opens a UTF-8 file as UTF-8 (Chinese labels intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

const quote = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as a spreadsheet: one line per figure, `section,item,label (zh-CN),label (en),
 * count,share %`. Counts from 1 to below `smallCell` print as "< N" (shares blank), so an
 * export never singles out one child; 0 stays 0.
 */
export function reportCsv(report: StatsReport, smallCell: number): string {
  const lines: (string | number | null)[][] = [
    ['section', 'item', 'label_zh', 'label_en', 'count', 'share_percent'],
  ];
  const count = (value: number) => (value > 0 && value < smallCell ? `< ${smallCell}` : value);
  const figure = (section: string, item: string, zh: string, en: string, value: number | null) =>
    lines.push([section, item, zh, en, value === null ? null : count(value), null]);
  const rate = (section: string, item: string, zh: string, en: string, value: number | null) =>
    lines.push([section, item, zh, en, null, value]);
  const block = (section: string, data: Block) => {
    for (const row of data.rows) {
      const small = row.count > 0 && row.count < smallCell;
      lines.push([
        section,
        row.key,
        row.label['zh-CN'],
        row.label.en,
        count(row.count),
        small ? null : row.share,
      ]);
    }
  };

  lines.push([
    'period',
    report.period.kind,
    `${report.period.from}..${report.period.to}`,
    report.period.timeZone,
    null,
    null,
  ]);
  const c = report.consultations;
  figure('consultations', 'total', '咨询总数', 'Consultations', c.total);
  figure('consultations', 'not_categorised', '未分类', 'Not categorised', c.notCategorised);
  block('channel', c.byChannel);
  block('primary_topic_group', c.byPrimaryTopicGroup);
  block('primary_topic', c.byPrimaryTopic);
  block('any_topic_group', c.byAnyTopicGroup);
  block('any_topic', c.byAnyTopic);
  block('caller_type', c.byCallerType);
  block('age_band', c.byAgeBand);
  block('gender', c.byGender);
  block('risk', c.byRisk);
  block('outcome', c.byOutcome);

  const n = report.nonCounselling;
  figure('non_counselling', 'total', '非咨询来电', 'Non-counselling contacts', n.total);
  block('non_counselling_type', n.byType);
  for (const hour of n.byHour)
    figure('non_counselling_by_hour', hour.hour, `${hour.hour}时`, `${hour.hour}:00`, hour.count);

  const k = report.crisis;
  figure('crisis', 'opened', '危机个案', 'Crisis cases opened', k.opened);
  block('crisis_trigger', k.byTrigger);
  figure('crisis', 'referred', '转介', 'Referred', k.referred);
  figure('crisis', 'reports_on_time', '报告按时', 'Reports on time', k.reportsOnTime);
  figure('crisis', 'reports_late', '报告逾期', 'Reports late', k.reportsLate);
  figure('crisis', 'reports_pending', '报告待交', 'Reports pending', k.reportsPending);

  const r = report.reviews;
  figure('reviews', 'selected', '纳入个案督导', 'Taken into case review', r.selected);
  block('review_reason', r.byReason);
  figure('reviews', 'reviewed', '已督导', 'Reviewed', r.reviewed);
  rate('reviews', 'reviewed_share', '督导完成率', 'Reviewed share', r.reviewedShare);
  figure('reviews', 'signed_off', '已签核', 'Signed off', r.signedOff);
  figure('reviews', 'awaiting_answer', '待志愿者回复', 'Awaiting the volunteer', r.awaitingAnswer);
  lines.push([
    'reviews',
    'median_hours_to_review',
    '督导用时中位数（小时）',
    'Median time to review (h)',
    r.medianSecondsToReview === null ? null : Math.round(r.medianSecondsToReview / 360) / 10,
    null,
  ]);

  const s = report.calls;
  figure('calls', 'offered', '进入排队', 'Calls offered', s.offered);
  figure('calls', 'answered', '已接听', 'Answered', s.answered);
  figure('calls', 'abandoned', '放弃', 'Abandoned', s.abandoned);
  rate('calls', 'abandonment_rate', '放弃率', 'Abandonment rate', s.abandonmentRate);
  rate(
    'calls',
    `service_level_${s.serviceLevel.thresholdSeconds}s`,
    `${s.serviceLevel.thresholdSeconds}秒内接听率`,
    `Answered within ${s.serviceLevel.thresholdSeconds} s`,
    s.serviceLevel.percent,
  );
  lines.push([
    'calls',
    'average_wait_seconds',
    '平均等待（秒）',
    'Average wait (s)',
    s.averageWaitSeconds,
    null,
  ]);
  lines.push([
    'calls',
    'longest_wait_seconds',
    '最长等待（秒）',
    'Longest wait (s)',
    s.longestWaitSeconds,
    null,
  ]);
  lines.push([
    'calls',
    'average_talk_seconds',
    '平均通话（秒）',
    'Average talk (s)',
    s.averageTalkSeconds,
    null,
  ]);
  lines.push([
    'calls',
    'average_wrap_up_seconds',
    '平均整理（秒）',
    'Average wrap-up (s)',
    s.averageWrapUpSeconds,
    null,
  ]);
  figure('calls', 'overflowed', '超时转回电', 'Overflowed to call-back', s.overflowed);
  figure('calls', 'queue_full', '排队已满', 'Queue full', s.queueFull);
  figure('calls', 'closed_hours', '非开放时间来电', 'Closed-hours calls', s.closedHours);
  figure('calls', 'blocked', '已拉黑来电', 'Blocked callers', s.blocked);
  figure('calls', 'over_limit', '超过次数限制', 'Over the limit per number', s.overLimit);
  figure('calls', 'callback_requests', '回电请求', 'Call-back requests', s.callbackRequests);
  for (const hour of s.byHour)
    figure('calls_by_hour', hour.hour, `${hour.hour}时`, `${hour.hour}:00`, hour.count);
  const callbacks = report.callbacks;
  figure('callbacks', 'requests', '回电请求', 'Call-back requests', callbacks.requests);
  figure('callbacks', 'reached', '已回电联系上', 'Reached by a call-back', callbacks.reached);
  figure(
    'callbacks',
    'reached_within_one_evening',
    '当晚联系上',
    'Reached within one evening',
    callbacks.reachedWithinOneEvening,
  );
  figure(
    'callbacks',
    'consultations',
    '回电咨询',
    'Call-back consultations',
    callbacks.consultations,
  );

  const chats = report.chats;
  figure('chats', 'offered', '在线咨询进入排队', 'Chats offered', chats.offered);
  figure('chats', 'answered', '在线咨询已接', 'Chats answered', chats.answered);
  figure('chats', 'abandoned', '在线咨询放弃', 'Chats abandoned', chats.abandoned);
  rate(
    'chats',
    'abandonment_rate',
    '在线咨询放弃率',
    'Chat abandonment rate',
    chats.abandonmentRate,
  );
  rate(
    'chats',
    `service_level_${chats.serviceLevel.thresholdSeconds}s`,
    `${chats.serviceLevel.thresholdSeconds}秒内接入率`,
    `Chats answered within ${chats.serviceLevel.thresholdSeconds} s`,
    chats.serviceLevel.percent,
  );
  for (const [item, zh, en, value] of [
    ['average_wait_seconds', '平均等待（秒）', 'Average chat wait (s)', chats.averageWaitSeconds],
    ['longest_wait_seconds', '最长等待（秒）', 'Longest chat wait (s)', chats.longestWaitSeconds],
    [
      'average_duration_seconds',
      '平均时长（秒）',
      'Average chat (s)',
      chats.averageDurationSeconds,
    ],
  ] as const)
    lines.push(['chats', item, zh, en, value, null]);
  figure('chats', 'closed_hours', '下班时仍在排队', 'Waiting at closing', chats.closedHours);
  figure('chats', 'queue_full', '排队已满', 'Queue full', chats.queueFull);
  for (const hour of chats.byHour)
    figure('chats_by_hour', hour.hour, `${hour.hour}时`, `${hour.hour}:00`, hour.count);

  for (const volunteer of report.volunteers) {
    lines.push([
      'volunteer_calls',
      volunteer.volunteerId,
      volunteer.name,
      volunteer.name,
      volunteer.callsAnswered,
      null,
    ]);
    lines.push([
      'volunteer_no_shows',
      volunteer.volunteerId,
      volunteer.name,
      volunteer.name,
      volunteer.noShows,
      null,
    ]);
    lines.push([
      'volunteer_hours',
      volunteer.volunteerId,
      volunteer.name,
      volunteer.name,
      volunteer.hoursOnDuty,
      null,
    ]);
  }
  for (const month of report.trend) {
    figure('trend_consultations', month.month, '咨询', 'Consultations', month.consultations);
    figure('trend_offered', month.month, '进入排队', 'Calls offered', month.offered);
    rate('trend_service_level', month.month, '接听率', 'Service level', month.serviceLevel);
  }
  return BOM + lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}
