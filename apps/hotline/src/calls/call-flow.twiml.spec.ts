import { DateTime } from 'luxon';
import { everyDay } from '@hotline/calendar';
import { twimlProblem } from '@hotline/telephony/testing/twiml-check';
import {
  DEFAULT_ROUTING,
  DEFAULT_SAY_VOICE,
  Hotline,
  HotlineLocale,
} from '../hotlines/hotline.entity';
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
    routing: { ...DEFAULT_ROUTING, voicemailMaxSeconds: 90 },
  });

/** The answers Twilio plays while the caller is in the queue (the waitUrl's verbs only). */
const holdAnswers = (flow: CallFlowTwiml): Record<string, string> => ({
  hold: flow.hold({ position: 2, expectedWaitSeconds: 180 }, false),
  holdUnknownPlace: flow.hold(null, false),
  holdWithChoice: flow.hold({ position: 1, expectedWaitSeconds: 60 }, true),
  holdNobodyOnDuty: flow.hold('nobody_on_duty', true),
  backToHold: flow.backToHold(),
  leaveQueue: flow.leaveQueue(),
});

/** Every answer the call flow can give, for one hotline. */
const everyAnswer = (flow: CallFlowTwiml): Record<string, string> => ({
  closed: flow.closed(DateTime.fromISO('2026-03-02T10:00:00Z')),
  callerMenu: flow.callerMenu(),
  topicMenu: flow.topicMenu(),
  enqueue: flow.enqueue(false),
  crisisEnqueue: flow.enqueue(true),
  overflow: flow.overflow(true),
  overflowWithoutNumber: flow.overflow(false),
  nobodyOnDuty: flow.messageOrCallback('nobody_on_duty', ['nobody'], true),
  noCallbackWithoutNumber: flow.noCallbackWithoutNumber('closed_hours'),
  recordMessage: flow.recordMessage('while_waiting'),
  messageKept: flow.messageKept(),
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
      const flow = new CallFlowTwiml(hotline, (path) => `https://h.test${path}`);
      const holds = holdAnswers(flow);
      for (const [step, twiml] of Object.entries(holds))
        expect({ step, problem: twimlProblem(twiml, { waitUrl: true }) }).toEqual({
          step,
          problem: null,
        });
      for (const [step, twiml] of Object.entries({ ...answers, ...holds })) {
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

describe('waiting callers', () => {
  const flow = new CallFlowTwiml(hotlineIn('en'), (path) => `https://h.test${path}`);

  it('never says "you are next" when nobody is on duty or the place is unknown', () => {
    expect(flow.hold({ position: 1, expectedWaitSeconds: 60 }, false)).toContain('You are next');
    expect(flow.hold('nobody_on_duty', true)).not.toContain('You are next');
    expect(flow.hold('nobody_on_duty', true)).toContain('Nobody is on duty');
    expect(flow.hold(null, false)).not.toContain('You are next');
  });

  it('offers 1 for a message and 2 for a call-back from the queue, leaving it by the choice step', () => {
    const hold = flow.hold({ position: 3, expectedWaitSeconds: 300 }, true);
    expect(hold).toMatch(
      /<Gather numDigits="1" timeout="8" action="https:\/\/h\.test\/twilio\/voice\/wait-choice" method="POST"><Say [^>]*>There are 2 callers ahead of you\. The wait is about 5 minutes\. To leave us a message, press 1\. To be called back, press 2\.<\/Say><\/Gather><Pause length="12"\/>/,
    );
  });

  it("records up to the hotline's limit and reports the recording to the signed webhook", () => {
    const record = flow.recordMessage('nobody_on_duty');
    expect(record).toContain(
      '<Record maxLength="90" finishOnKey="#" playBeep="true" action="https://h.test/twilio/voice/recorded?reason=nobody_on_duty" method="POST" recordingStatusCallback="https://h.test/twilio/voice/recording?reason=nobody_on_duty" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"/>',
    );
  });

  it('offers a caller without caller id the hours and a message, never a call-back', () => {
    const twiml = flow.noCallbackWithoutNumber('closed_hours');
    expect(twiml).toContain('We cannot see your phone number');
    expect(twiml).toContain('open every day from 18:00 to 22:00');
    expect(twiml).toContain('To leave us a message, press 1.');
    expect(twiml).not.toContain('press 2');
  });
});
