import type { HotlineLocale } from '../hotlines/hotline.entity';
import type { CrisisAlertReason } from './crisis-alert.entity';

interface AlertText {
  /** The hotline's name, the time on its clock, the console's address. */
  hotline: string;
  at: string;
  url: string;
  reason: CrisisAlertReason;
  /** Raised again: still unacknowledged (and, for a waiting caller, they still wait). */
  again: boolean;
}

const WHY: Record<HotlineLocale, Record<CrisisAlertReason, string>> = {
  en: {
    danger_key: 'a caller pressed the danger key',
    high_risk: 'a contact was rated high risk',
    report_overdue: 'the written report is overdue',
    not_taken: 'a crisis caller is waiting and nobody has taken them',
    crisis_now: 'a volunteer asks for help with a crisis during a call',
  },
  'zh-CN': {
    danger_key: '来电者按了危险键',
    high_risk: '一次咨询被评为高风险',
    report_overdue: '书面报告已逾期',
    not_taken: '危机来电者正在等待，无人接听',
    crisis_now: '志愿者在通话中发起危机求助',
  },
};

/**
 * The supervisors' crisis SMS, in the hotline's language: short, and with nothing
 * confidential (no caller's number, no names, no notes), since a text can be read by anyone
 * holding the phone.
 */
export function crisisAlertText(locale: HotlineLocale, text: AlertText): string {
  const why = WHY[locale][text.reason];
  // "Crisis now" is raised again until acknowledged, whether or not the caller is still on.
  const waiting = text.reason !== 'crisis_now';
  if (locale === 'en')
    return text.again
      ? `${text.hotline}: crisis alert still unacknowledged at ${text.at}, ${why}${waiting ? '; the caller is still waiting' : ''}. Open the console: ${text.url}`
      : `${text.hotline}: crisis alert at ${text.at}, ${why}. Open the console: ${text.url}`;
  return text.again
    ? `${text.hotline}：危机警报仍未确认（${text.at}），${why}${waiting ? '，来电者仍在等待' : ''}。请打开控制台：${text.url}`
    : `${text.hotline}：${text.at} 危机警报，${why}。请打开控制台：${text.url}`;
}
