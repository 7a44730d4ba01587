import { DateTime } from 'luxon';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { SayVoice } from '@hotline/telephony';
import { WEEKDAYS, WeeklyHours } from '@hotline/calendar';
import type { TopicNode } from '@hotline/taxonomy';
import type { GreetingKey, Hotline, HotlineLocale } from '../hotlines/hotline.entity';

/** `<Say>` attributes for a voice the hotline's settings hold (checked against Twilio's table). */
export const sayAs = ({ voice, language }: SayVoice): VoiceResponse.SayAttributes => ({
  voice: voice as NonNullable<VoiceResponse.SayAttributes['voice']>,
  language: language as NonNullable<VoiceResponse.SayAttributes['language']>,
});

/** A prompt the hotline may have recorded: its recording is played, else its text is spoken. */
export interface Recordable {
  greeting: GreetingKey;
  text: string;
}

/** What is said in one breath: spoken text, and prompts that may be recorded. */
export type Line = string | Recordable;

/** What `<Say>` and `<Play>` are added to: the answer itself, or a `<Gather>` in it. */
interface Speaks {
  say(attributes: VoiceResponse.SayAttributes, message: string): unknown;
  play(attributes: VoiceResponse.PlayAttributes, url: string): unknown;
}

/**
 * A hotline's voice on the phone: its text-to-speech voice, and the prompts it recorded
 * (`<Play>` instead of `<Say>`, inside a `<Gather>` too, so a caller may press a key during
 * the recording).
 */
export class HotlineVoice {
  readonly sayAttributes: VoiceResponse.SayAttributes;

  constructor(private readonly hotline: Hotline) {
    this.sayAttributes = sayAs(hotline.voice());
  }

  /** The recording of a prompt, when the hotline has one. */
  recording(greeting: GreetingKey): string | undefined {
    return this.hotline.greetings?.[greeting] || undefined;
  }

  /** One `<Say>` for each run of spoken text, one `<Play>` for each recorded prompt, in order. */
  speak(target: Speaks, ...lines: Line[]): void {
    let spoken: string[] = [];
    const sayWhatWasSpoken = () => {
      if (spoken.length > 0) target.say(this.sayAttributes, spoken.join(' '));
      spoken = [];
    };
    for (const line of lines) {
      const url = typeof line === 'string' ? undefined : this.recording(line.greeting);
      if (url) {
        sayWhatWasSpoken();
        target.play({}, url);
      } else {
        spoken.push(typeof line === 'string' ? line : line.text);
      }
    }
    sayWhatWasSpoken();
  }
}

/** Digits of the two menus. 9 is "I am in danger now" in both. */
export const DANGER_DIGIT = '9';
export const CALLER_DIGITS = { '1': 'pupil', '2': 'parent', '3': 'teacher' } as const;

/** Everything the hotline says on the phone, in each locale. Kept short: callers are children. */
export interface VoicePrompts {
  welcome(hotlineName: string): string;
  hours(weekly: WeeklyHours): string;
  closedToday: string;
  nextOpening(start: DateTime): string;
  callbackOffer: string;
  callbackRecorded(day: DateTime): string;
  callerMenu: string;
  topicMenu(topics: TopicNode[]): string;
  holdOn: string;
  crisisHoldOn: string;
  position(position: number, minutes: number): string;
  /** Nobody is on duty at all (not merely busy): said at once, never "you are next". */
  nobodyOnDuty: string;
  /** 1 for a message, 2 for a call-back: offered instead of holding, or while holding. */
  messageOrCallback: string;
  /** For a caller without caller id: a message only. */
  messageOnly: string;
  noNumberForCallback: string;
  recordMessage: string;
  messageKept: string;
  noMessageHeard: string;
  queueFull: string;
  connecting: string;
  waitedTooLong: string;
  apology: string;
  tryAgain: string;
  goodbye: string;
  /** A blocked caller: refused, never told why. */
  blocked: string;
  /** More calls from the number than the hotline's limit. */
  overLimit: string;
  emergencyNumbers: string;
  /** Said to refused callers: the crisis path stays open to them. */
  dangerKey: string;
}

const sameEveryDay = (weekly: WeeklyHours): boolean =>
  WEEKDAYS.every((day) => JSON.stringify(weekly[day]) === JSON.stringify(weekly.mon));

const ranges = (weekly: WeeklyHours, day: (typeof WEEKDAYS)[number], to: string, and: string) =>
  weekly[day].map((range) => `${range.start}${to}${range.end}`).join(and);

const zh: VoicePrompts = {
  welcome: (name) => `您好，这里是${name}。`,
  hours: (weekly) =>
    sameEveryDay(weekly) && weekly.mon.length > 0
      ? `热线每天${ranges(weekly, 'mon', '到', '和')}开放。`
      : `热线开放时间：${WEEKDAYS.filter((day) => weekly[day].length > 0)
          .map((day) => `${ZH_WEEKDAYS[day]}${ranges(weekly, day, '到', '和')}`)
          .join('，')}。`,
  closedToday: '今天热线暂停服务。',
  // Spoken only after the hours: the booking page is the other way to reach us then.
  nextOpening: (start) =>
    `下次开放时间是${start.setLocale('zh-CN').toFormat('M月d日 cccc HH:mm')}。也可以在我们的网上预约页面预约到辅导中心面谈。`,
  callbackOffer: '如果希望我们在下次开放时给你回电，请按1。',
  callbackRecorded: (day) =>
    `好的，我们会在${day.setLocale('zh-CN').toFormat('M月d日')}晚上给你回电。`,
  callerMenu: '如果你现在有危险，请按9。学生请按1，家长请按2，老师请按3。',
  topicMenu: (topics) =>
    `${topics.map((topic) => `${topic.label['zh-CN']}请按${topic.menu}`).join('，')}。如果你现在有危险，请按9。`,
  holdOn: '正在为你转接值班老师，请稍候。',
  crisisHoldOn: '我们会优先为你接通。如果你有生命危险，请立即拨打110或120。',
  position: (position, minutes) =>
    position <= 1
      ? '你是下一位，请稍候。'
      : `你前面还有${position - 1}位来电者，预计等待约${minutes}分钟。`,
  nobodyOnDuty: '现在暂时没有值班老师可以接听。',
  messageOrCallback: '如果想给我们留言，请按1；如果希望我们给你回电，请按2。',
  messageOnly: '如果想给我们留言，请按1。',
  noNumberForCallback: '我们看不到你的电话号码，所以没办法给你回电。',
  recordMessage: '请在提示音后留言，说完后请按井号键。',
  messageKept: '谢谢你，你的留言已经保存好了，值班老师会尽快听取。',
  noMessageHeard: '我们没有听到你的留言。',
  queueFull: '现在来电太多，暂时无法排队。',
  connecting: '正在为你接通。',
  waitedTooLong: '很抱歉让你久等了，值班老师都在通话中。',
  apology: '很抱歉，系统暂时出现问题。',
  tryAgain: '我们再试一次。',
  goodbye: '谢谢你的来电，再见。',
  blocked: '这个号码暂时无法接入热线。',
  overLimit: '你在短时间内已经打了很多次电话，请稍后再打。',
  emergencyNumbers: '如果你有生命危险，请立即拨打110或120。',
  dangerKey: '如果你现在有危险，请按9。',
};

const ZH_WEEKDAYS = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
};
const EN_WEEKDAYS = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const en: VoicePrompts = {
  welcome: (name) => `Hello, this is ${name}.`,
  hours: (weekly) =>
    sameEveryDay(weekly) && weekly.mon.length > 0
      ? `The hotline is open every day from ${ranges(weekly, 'mon', ' to ', ' and ')}.`
      : `The hotline is open ${WEEKDAYS.filter((day) => weekly[day].length > 0)
          .map((day) => `${EN_WEEKDAYS[day]} ${ranges(weekly, day, ' to ', ' and ')}`)
          .join(', ')}.`,
  closedToday: 'The hotline is closed today.',
  nextOpening: (start) =>
    `We next open on ${start.setLocale('en').toFormat('cccc d MMMM')} at ${start.toFormat('HH:mm')}. You can also book a face-to-face session at our guidance centre on our booking page.`,
  callbackOffer: 'To be called back when we next open, press 1.',
  callbackRecorded: (day) =>
    `Thank you. We will call you back on the evening of ${day.setLocale('en').toFormat('cccc d MMMM')}.`,
  callerMenu:
    'If you are in danger now, press 9. Pupils press 1, parents press 2, teachers press 3.',
  topicMenu: (topics) =>
    `${topics.map((topic) => `For ${topic.label.en.toLowerCase()}, press ${topic.menu}`).join('. ')}. If you are in danger now, press 9.`,
  holdOn: 'We are connecting you to a counsellor on duty. Please hold.',
  crisisHoldOn: 'You will be answered first. If your life is in danger, call 110 or 120 now.',
  position: (position, minutes) =>
    position <= 1
      ? 'You are next. Please hold.'
      : `There ${position === 2 ? 'is 1 caller' : `are ${position - 1} callers`} ahead of you. The wait is about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  nobodyOnDuty: 'Nobody is on duty to answer right now.',
  messageOrCallback: 'To leave us a message, press 1. To be called back, press 2.',
  messageOnly: 'To leave us a message, press 1.',
  noNumberForCallback: 'We cannot see your phone number, so we cannot call you back.',
  recordMessage: 'Please leave your message after the beep, then press the hash key.',
  messageKept: 'Thank you. Your message is kept, and a counsellor will listen to it soon.',
  noMessageHeard: 'We did not hear a message.',
  queueFull: 'Too many people are calling right now and we cannot put you on hold.',
  connecting: 'Connecting you now.',
  waitedTooLong: 'We are sorry you have waited so long. All counsellors are still on calls.',
  apology: 'We are sorry, something went wrong on our side.',
  tryAgain: 'Let us try again.',
  goodbye: 'Thank you for calling. Goodbye.',
  blocked: 'This number cannot reach the hotline for now.',
  overLimit: 'You have called many times in a short while. Please call again later.',
  emergencyNumbers: 'If your life is in danger, call 110 or 120 now.',
  dangerKey: 'If you are in danger now, press 9.',
};

export const VOICE_PROMPTS: Record<HotlineLocale, VoicePrompts> = { 'zh-CN': zh, en };
