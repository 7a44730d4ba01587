import { DateTime } from 'luxon';
import { everyDay } from '@hotline/calendar';
import { twimlProblem } from '@hotline/telephony/testing/twiml-check';
import { DEFAULT_SAY_VOICE, Hotline, HotlineLocale } from '../hotlines/hotline.entity';
import { CallFlowTwiml } from './call-flow.twiml';

const hotlineIn = (locale: HotlineLocale, voice = DEFAULT_SAY_VOICE[locale]): Hotline =>
  Object.assign(new Hotline(), {
    id: 'h1',
    name: locale === 'en' ? 'Youth line' : '青少年热线',
    timeZone: 'Asia/Shanghai',
    locale,
    openingHours: everyDay({ start: '18:00', end: '22:00' }),
    closures: [{ date: '2026-03-02', reason: 'holiday' }],
    closedMessage: locale === 'en' ? 'Call 110 if you are in danger.' : '如有危险请拨打110。',
    sayVoice: voice.voice,
    sayLanguage: voice.language,
  });

/** Every answer the call flow can give, for one hotline. */
const everyAnswer = (flow: CallFlowTwiml): Record<string, string> => ({
  closed: flow.closed(DateTime.fromISO('2026-03-02T10:00:00Z')),
  callerMenu: flow.callerMenu(),
  topicMenu: flow.topicMenu(),
  enqueue: flow.enqueue(false),
  crisisEnqueue: flow.enqueue(true),
  hold: flow.hold(2, 180),
  leaveQueue: flow.leaveQueue(),
  overflow: flow.overflow(),
  queueFull: flow.queueFull(),
  callbackRecorded: flow.callbackRecorded('2026-03-03'),
  dialBrowser: flow.dial({ client: 'volunteer-1' }, 'c1', 20),
  dialPhone: flow.dial({ number: '+8613900000000' }, 'c1', 20),
  goodbye: flow.goodbye('bye'),
  empty: CallFlowTwiml.empty(),
});

describe('the prompts real Twilio speaks', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`every answer of a ${locale} hotline is TwiML whose every <Say> Twilio speaks`, () => {
      const hotline = hotlineIn(locale);
      const answers = everyAnswer(new CallFlowTwiml(hotline, (path) => `https://h.test${path}`));
      for (const [step, twiml] of Object.entries(answers)) {
        expect({ step, problem: twimlProblem(twiml) }).toEqual({ step, problem: null });
        for (const [, attributes] of twiml.matchAll(/<Say\b([^>]*)>/g)) {
          expect(attributes).toContain(`voice="${hotline.sayVoice}"`);
          expect(attributes).toContain(`language="${hotline.sayLanguage}"`);
        }
      }
      // The menus and the goodbyes do speak.
      expect(answers.callerMenu).toMatch(/<Say /);
      expect(answers.closed).toMatch(/<Say /);
    });
  }

  it('speaks with the voice a hotline chose', () => {
    const hotline = hotlineIn('zh-CN', { voice: 'Google.cmn-CN-Wavenet-B', language: 'cmn-CN' });
    const twiml = new CallFlowTwiml(hotline, (path) => path).callerMenu();
    expect(twiml).toContain('voice="Google.cmn-CN-Wavenet-B" language="cmn-CN"');
  });
});
