import { DateTime } from 'luxon';
import type { BookingLanguage } from './booking.entity';

/** What a text about a booking needs to say. */
export interface SessionFacts {
  hotlineName: string;
  reference: string;
  /** The session start in the hotline's zone. */
  start: DateTime;
  centreAddress: string | null;
  /** The booking page's manage or offer link. */
  link: string;
  hotlinePhone: string | null;
}

const when = (facts: SessionFacts, language: BookingLanguage): string =>
  language === 'zh-CN'
    ? facts.start.setLocale('zh-CN').toFormat('M月d日（cccc）HH:mm')
    : `${facts.start.setLocale('en').toFormat('cccc d MMMM')} at ${facts.start.toFormat('HH:mm')}`;

const where = (facts: SessionFacts, language: BookingLanguage): string =>
  facts.centreAddress
    ? language === 'zh-CN'
      ? `地点：${facts.centreAddress}。`
      : `Address: ${facts.centreAddress}.`
    : '';

/** The manage link is only in the confirmation (its token is not kept); later texts say where to find it. */
const change = (facts: SessionFacts, language: BookingLanguage): string =>
  language === 'zh-CN'
    ? `改期或取消请用预约确认短信中的链接${facts.hotlinePhone ? `，或致电${facts.hotlinePhone}` : ''}。`
    : `To change or cancel, use the link in your confirmation${facts.hotlinePhone ? ` or call ${facts.hotlinePhone}` : ''}.`;

/**
 * The texts parents get, in the language they chose. Short (a text of Chinese characters is
 * split after 70), and never with the child's details: a phone can be shared.
 */
export const BOOKING_SMS = {
  confirmation(facts: SessionFacts, language: BookingLanguage): string {
    return language === 'zh-CN'
      ? `【${facts.hotlineName}】面谈预约成功（${facts.reference}）：${when(facts, language)}。${where(facts, language)}改期或取消：${facts.link}`
      : `${facts.hotlineName}: your face-to-face session ${facts.reference} is booked for ${when(facts, language)}. ${where(facts, language)} To change or cancel: ${facts.link}`;
  },

  reminder(facts: SessionFacts, language: BookingLanguage): string {
    return language === 'zh-CN'
      ? `【${facts.hotlineName}】提醒：${when(facts, language)}面谈（${facts.reference}）。${where(facts, language)}${change(facts, language)}`
      : `${facts.hotlineName}: a reminder of your session ${facts.reference} on ${when(facts, language)}. ${where(facts, language)} ${change(facts, language)}`;
  },

  offer(facts: SessionFacts, language: BookingLanguage, holdMinutes: number): string {
    return language === 'zh-CN'
      ? `【${facts.hotlineName}】有面谈时间空出：${when(facts, language)}，为您保留${holdMinutes}分钟。确认预约：${facts.link}`
      : `${facts.hotlineName}: a face-to-face session is free on ${when(facts, language)}. We hold it for you for ${holdMinutes} minutes. To book it: ${facts.link}`;
  },
};
